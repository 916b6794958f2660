import { referenceForces } from "../reference/forces.ts";

/** A force's count of one measure in one month, as loaded. */
export interface MonthlyTotal {
  forceId: string;
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  count: number;
  /** The load the rows come from (one per force-month: a later file of the kind replaces the month). */
  batchId: number;
}

/** What a kind of monthly file is checked on: its count per force and month, from the live rows of its loads. */
export interface PlausibilityCheck {
  /** The count in words, e.g. "recorded offences (data.police.uk street files)". */
  measure: string;
  /** SQL returning "forceId", month (YYYY-MM-DD), count and "batchId" per force and month. */
  monthlyTotalsSql: string;
}

/** A force-month whose count is too low to be a whole month: loaded, and flagged. */
export interface ImplausibleMonth {
  forceId: string;
  month: string;
  count: number;
  batchId: number;
  /** The count it was judged against, and how that was formed. */
  expected: number;
  basis: "median of the force's other months" | "national rate × population";
  note: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const CENSUS_POPULATIONS = new Map(referenceForces().map((force) => [force.id, force.population]));
const number = (value: number) => Math.round(value).toLocaleString("en-GB");

/** What the other forces' counts that month imply for this force at its population (2011 census): the check for a force's only month. */
function nationalExpectation(totals: MonthlyTotal[], { forceId, month }: MonthlyTotal): number | undefined {
  const others = totals.filter((total) => total.month === month && total.forceId !== forceId && CENSUS_POPULATIONS.has(total.forceId));
  const population = others.reduce((sum, total) => sum + CENSUS_POPULATIONS.get(total.forceId)!, 0);
  const own = CENSUS_POPULATIONS.get(forceId);
  return population > 0 && own ? (others.reduce((sum, total) => sum + total.count, 0) / population) * own : undefined;
}

/**
 * The force-months whose count is under half the force's median of its other loaded months (or,
 * for a force with no other month, under half what its population implies at the rate of the other
 * forces that month): a partial submission such as Dyfed-Powys's March 2024 on data.police.uk, which
 * loads, but is no month to rank or compare without saying so.
 */
export function implausibleMonths(totals: MonthlyTotal[], measure: string): ImplausibleMonth[] {
  const byForce = new Map<string, MonthlyTotal[]>();
  for (const total of totals) byForce.set(total.forceId, [...(byForce.get(total.forceId) ?? []), total]);
  const flagged: ImplausibleMonth[] = [];
  for (const total of totals) {
    const others = byForce
      .get(total.forceId)!
      .filter((other) => other.month !== total.month)
      .map((other) => other.count);
    const expected = others.length ? median(others) : nationalExpectation(totals, total);
    if (expected === undefined || total.count >= expected / 2) continue;
    const basis = others.length ? "median of the force's other months" : "national rate × population";
    const against = others.length
      ? `the median of its ${others.length} other loaded month${others.length === 1 ? "" : "s"} (${number(expected)})`
      : `what its population implies at the other forces' rate that month (${number(expected)})`;
    flagged.push({
      ...total,
      expected,
      basis,
      note: `${total.forceId} ${total.month.slice(0, 7)}: ${number(total.count)} ${measure}, under half ${against}: possibly a partial submission`,
    });
  }
  return flagged.sort((a, b) => a.forceId.localeCompare(b.forceId) || a.month.localeCompare(b.month));
}

/** The flagged months of one force among those that start within a period (first days, YYYY-MM-DD), as notes. */
export const notesWithin = (flagged: ImplausibleMonth[], forceId: string, months: Set<string>) =>
  flagged.filter((month) => month.forceId === forceId && months.has(month.month)).map((month) => month.note);

/** A comparison's notes: the force's own, then which other forces in the national value have a flagged month behind theirs. */
export const withOthers = (own: string[], others: string[]) =>
  others.length
    ? [
        ...own,
        `${others.length} other force${others.length === 1 ? "'s value includes" : "s' values include"} a flagged month: ${others.join(", ")}`,
      ]
    : own;

/** `withOthers` for values built on whole months: a force's flagged months among those that start within the period. */
export const comparisonNotes = (flagged: ImplausibleMonth[], forceId: string, months: Set<string>, valued: Iterable<string>) =>
  withOthers(
    notesWithin(flagged, forceId, months),
    [...valued].filter((id) => id !== forceId && notesWithin(flagged, id, months).length),
  );
