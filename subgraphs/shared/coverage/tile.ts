import { isoDay, monthsStartingWithin, type Period } from "../graphql/period.ts";

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

const monthKey = (day: Date) => isoDay(day).slice(0, 7);

function monthsOf(unit: CoverageUnit): string[] {
  const months: string[] = [];
  const end = monthKey(unit.periodEnd);
  for (let month = new Date(Date.UTC(unit.periodStart.getUTCFullYear(), unit.periodStart.getUTCMonth(), 1)); monthKey(month) <= end; month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))) {
    months.push(monthKey(month));
  }
  return months;
}

/**
 * Chooses, for one force and measure, the units that answer for a period: only units wholly inside
 * its months (a quarter or year is never split), the best source first (precedence, then the longer
 * unit, then the later load), each month answered once. Says which months nothing covers.
 */
export function tileCoverage(period: Period, units: CoverageUnit[], measureLabel: string): { chosen: CoverageUnit[]; coverage: PeriodCoverage } {
  const requested = monthsStartingWithin(period);
  const wanted = new Set(requested.map(monthKey));
  const ranked = units
    .map((unit) => ({ unit, months: monthsOf(unit) }))
    .filter(({ months }) => months.every((month) => wanted.has(month)))
    .sort((a, b) => b.unit.precedence - a.unit.precedence || b.months.length - a.months.length || b.unit.batchId - a.unit.batchId);
  const taken = new Set<string>();
  const chosen: CoverageUnit[] = [];
  for (const { unit, months } of ranked) {
    if (months.some((month) => taken.has(month))) continue;
    months.forEach((month) => taken.add(month));
    chosen.push(unit);
  }
  const missingMonths = requested.filter((month) => !taken.has(monthKey(month)));
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
    reason = `Partial: ${monthsCovered} of ${monthsRequested} months covered for ${measureLabel}; missing ${missingMonths.map((month) => monthKey(month)).join(", ")}`;
  }
  return { monthsRequested, monthsCovered, missingMonths, complete, reason };
}
