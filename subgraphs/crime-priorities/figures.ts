import { tileCoverage, type CoverageUnit, type PeriodCoverage } from "../shared/coverage/tile.ts";
import { unitKey } from "../shared/coverage/live-coverage.ts";
import { isoDay, type Period } from "../shared/graphql/period.ts";
import type { ImplausibleMonth } from "../shared/ingest/plausibility.ts";

/** Counts a force's recorded crime figures are made of, each from the sources able to give it. */
export const CRIME_COUNTS = {
  recordedOffences: { measure: "RECORDED_OFFENCES", label: "recorded offences" },
  vawg: { measure: "VAWG", label: "VAWG-flagged offences" },
  knifeCrime: { measure: "KNIFE_CRIME", label: "knife crime" },
  csa: { measure: "CSA", label: "CSA-flagged offences" },
  possessionOfWeapons: { measure: "POSSESSION_OF_WEAPONS", label: "possession of weapons offences" },
  vawgOutcomes: { measure: "VAWG_OUTCOMES", label: "VAWG outcomes" },
  vawgCharged: { measure: "VAWG_OUTCOMES", label: "VAWG outcomes" },
} as const;
export type CrimeCount = keyof typeof CRIME_COUNTS;
export const COVERAGE_MEASURES = [...new Set(Object.values(CRIME_COUNTS).map((count) => count.measure))];

/** One batch's rows for one force and unit of time, summed. */
export type UnitFacts = Partial<Record<CrimeCount, number>> & { forceId: string; batchId: number; periodStart: Date };

/** What a period's figures are computed from: the facts of every unit, and the live coverage by measure and force. */
export interface CrimeData {
  facts: Map<string, UnitFacts>;
  coverage: Map<string, Map<string, CoverageUnit[]>>;
}

/** A force's counts over a period: null where no source covers any of it, partial where coverage says so. */
export interface ForceCrimeCounts {
  forceId: string;
  counts: Record<CrimeCount, number | null>;
  coverage: Record<CrimeCount, PeriodCoverage>;
  /** The units each count was summed from. */
  units: Record<CrimeCount, CoverageUnit[]>;
}

export function tallyForce(data: CrimeData, period: Period, forceId: string): ForceCrimeCounts {
  const counts = {} as ForceCrimeCounts["counts"];
  const coverage = {} as ForceCrimeCounts["coverage"];
  const units = {} as ForceCrimeCounts["units"];
  for (const [count, { measure, label }] of Object.entries(CRIME_COUNTS) as [CrimeCount, (typeof CRIME_COUNTS)[CrimeCount]][]) {
    const tiled = tileCoverage(period, data.coverage.get(measure)?.get(forceId) ?? [], label);
    coverage[count] = tiled.coverage;
    units[count] = tiled.chosen;
    counts[count] =
      tiled.coverage.monthsCovered === 0
        ? null
        : tiled.chosen.reduce((total, unit) => total + (data.facts.get(unitKey(unit.batchId, forceId, unit.periodStart))?.[count] ?? 0), 0);
  }
  return { forceId, counts, coverage, units };
}

/** Notes on the flagged months a count was summed from (a partial submission among them). */
export function qualityNotesOf(counts: ForceCrimeCounts | undefined, count: CrimeCount, flagged: ImplausibleMonth[]): string[] {
  const units = counts?.units[count] ?? [];
  return flagged
    .filter(
      (month) =>
        month.forceId === counts?.forceId &&
        units.some((unit) => unit.batchId === month.batchId && isoDay(unit.periodStart) === month.month),
    )
    .map((month) => month.note);
}

/** Every force some source covers in the period. */
export function coveredForces(data: CrimeData): string[] {
  return [...new Set([...data.coverage.values()].flatMap((byForce) => [...byForce.keys()]))];
}

/** Counts fit to compare: a count whose coverage is not complete is left out (null). */
export function completeCounts({ counts, coverage }: ForceCrimeCounts): Record<CrimeCount, number | null> {
  return Object.fromEntries(
    Object.entries(counts).map(([count, value]) => [count, coverage[count as CrimeCount].complete ? value : null]),
  ) as Record<CrimeCount, number | null>;
}
