import { monthsStartingWithin, type Period } from "../graphql/period.ts";

/** A force × unit of time one live batch covers for one measure, with its source's precedence. */
export interface CoverageUnit {
  forceId: string;
  measure: string;
  batchId: number;
  periodStart: Date;
  periodEnd: Date;
  precedence: number;
}

export interface PeriodCoverage {
  monthsRequested: number;
  monthsCovered: number;
  missingMonths: Date[];
  complete: boolean;
  reason: string | null;
}

/** A month as a number (year × 12 + month), so tiling compares integers, not strings: it runs for every force, measure and month a request asks about. */
const monthIndex = (day: Date) => day.getUTCFullYear() * 12 + day.getUTCMonth();
const monthLabel = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;

/**
 * Chooses, for one force and measure, the units that answer for a period: only units wholly inside
 * its months (a quarter or year is never split), the best source first (precedence, then the longer
 * unit, then the later load), each month answered once. Says which months nothing covers.
 */
export function tileCoverage(
  period: Period,
  units: CoverageUnit[],
  measureLabel: string,
): { chosen: CoverageUnit[]; coverage: PeriodCoverage } {
  const requested = monthsStartingWithin(period);
  const firstWanted = requested.length ? monthIndex(requested[0]) : 0;
  const lastWanted = requested.length ? monthIndex(requested[requested.length - 1]) : -1;
  const ranked = units
    .map((unit) => ({ unit, first: monthIndex(unit.periodStart), last: monthIndex(unit.periodEnd) }))
    .filter(({ first, last }) => first >= firstWanted && last <= lastWanted)
    .sort((a, b) => b.unit.precedence - a.unit.precedence || b.last - b.first - (a.last - a.first) || b.unit.batchId - a.unit.batchId);
  const taken = new Set<number>();
  const chosen: CoverageUnit[] = [];
  for (const { unit, first, last } of ranked) {
    let free = true;
    for (let month = first; month <= last && free; month++) free = !taken.has(month);
    if (!free) continue;
    for (let month = first; month <= last; month++) taken.add(month);
    chosen.push(unit);
  }
  const missingMonths = requested.filter((month) => !taken.has(monthIndex(month)));
  return { chosen, coverage: describeCoverage(requested.length, missingMonths, measureLabel, units.length > 0) };
}

function describeCoverage(monthsRequested: number, missingMonths: Date[], measureLabel: string, anyOverlap: boolean): PeriodCoverage {
  const monthsCovered = monthsRequested - missingMonths.length;
  const complete = monthsRequested > 0 && missingMonths.length === 0;
  let reason: string | null = null;
  if (monthsRequested === 0) reason = "No month starts within the period";
  else if (monthsCovered === 0) {
    reason = anyOverlap
      ? `The loaded ${measureLabel} sources cover longer units (quarters or years) than this period holds whole: no figure for it`
      : `No loaded source covers ${measureLabel} for this force in the period`;
  } else if (!complete) {
    reason = `Partial: ${monthsCovered} of ${monthsRequested} months covered for ${measureLabel}; missing ${missingMonths.map((month) => monthLabel(monthIndex(month))).join(", ")}`;
  }
  return { monthsRequested, monthsCovered, missingMonths, complete, reason };
}
