import type { Viewer } from "../../shared/auth/viewer.ts";
import type { PrismaClient } from "../../prisma/generated/crime-priorities/client.ts";
import { asPublishedForPeriod } from "../shared/graphql/as-published.ts";
import { forcePeriodLoader } from "../shared/graphql/period-loader.ts";
import { loadCoverage, unitKey } from "../shared/coverage/live-coverage.ts";
import { tileCoverage } from "../shared/coverage/tile.ts";
import { isoDay, monthPeriod, monthsStartingWithin, periodKey, type Period } from "../shared/graphql/period.ts";
import { implausibleMonths, type MonthlyTotal, type PlausibilityCheck } from "../shared/ingest/plausibility.ts";
import type { RequestMemo } from "../shared/graphql/request-memo.ts";
import { createBatchSources, createSourceLoader } from "../shared/graphql/source.ts";
import { COVERAGE_MEASURES, coveredForces, tallyForce, type CrimeData, type UnitFacts } from "./figures.ts";
import type { CrimePriority } from "./schema/priority.ts";

/** A force's stop and search over a period, with how many searches recorded each optional column. */
export interface StopSearchCounts {
  forceId: string;
  searches: number;
  arrests: number;
  outcomesRecorded: number;
  clothingRemoved: number;
  clothingRecorded: number;
  weaponSearches: number;
  weaponSearchesLinkRecorded: number;
  weaponFinds: number;
}

/** An outcome count of a priority, or of all recorded crime ("ALL"). */
type OutcomeRow = { forceId: string; priority: CrimePriority | "ALL"; outcome: string; count: number };

/** The tables a revision can replace rows of: read as published on a day when the period asks. */
const at = asPublishedForPeriod(["crime_priorities.recorded_offence", "crime_priorities.offence_outcome", "crime_priorities.stop_search"]);

/** Each batch's recorded offences per force and unit of time (a month, quarter or year) overlapping the period. */
const OFFENCE_FACTS_SQL = `
  SELECT force_id AS "forceId", batch_id AS "batchId", month AS "periodStart",
         sum(offences)::int AS "recordedOffences",
         COALESCE(sum(offences) FILTER (WHERE vawg), 0)::int AS vawg,
         COALESCE(sum(offences) FILTER (WHERE knife_crime), 0)::int AS "knifeCrime",
         COALESCE(sum(offences) FILTER (WHERE csa), 0)::int AS csa,
         COALESCE(sum(offences) FILTER (WHERE offence_group = 'Possession of weapons offences'), 0)::int AS "possessionOfWeapons"
  FROM crime_priorities.recorded_offence
  WHERE month <= $2::date AND period_end >= $1::date
  GROUP BY force_id, batch_id, month`;

const VAWG_OUTCOME_FACTS_SQL = `
  SELECT force_id AS "forceId", batch_id AS "batchId", month AS "periodStart", sum(outcomes)::int AS "vawgOutcomes",
         COALESCE(sum(outcomes) FILTER (WHERE outcome = 'Charged or summonsed'), 0)::int AS "vawgCharged"
  FROM crime_priorities.offence_outcome
  WHERE priority = 'VAWG' AND month BETWEEN $1::date AND $2::date
  GROUP BY force_id, batch_id, month`;

const OUTCOMES_SQL = `
  SELECT force_id AS "forceId", priority, outcome, sum(outcomes)::int AS count
  FROM crime_priorities.offence_outcome
  WHERE force_id = ANY($1::text[]) AND month BETWEEN $2::date AND $3::date
  GROUP BY force_id, priority, outcome
  ORDER BY count DESC, outcome`;

const STOP_SEARCH_SQL = `
  SELECT force_id AS "forceId", sum(searches)::int AS searches,
         COALESCE(sum(searches) FILTER (WHERE outcome = 'Arrest'), 0)::int AS arrests,
         COALESCE(sum(searches) FILTER (WHERE outcome <> 'Not stated'), 0)::int AS "outcomesRecorded",
         COALESCE(sum(searches) FILTER (WHERE clothing_removed), 0)::int AS "clothingRemoved",
         COALESCE(sum(searches) FILTER (WHERE clothing_removed IS NOT NULL), 0)::int AS "clothingRecorded",
         COALESCE(sum(searches) FILTER (WHERE object_of_search IN ('Offensive weapons', 'Firearms')), 0)::int AS "weaponSearches",
         COALESCE(sum(searches) FILTER (WHERE object_of_search IN ('Offensive weapons', 'Firearms') AND outcome_linked IS NOT NULL), 0)::int AS "weaponSearchesLinkRecorded",
         COALESCE(sum(searches) FILTER (WHERE object_of_search IN ('Offensive weapons', 'Firearms') AND outcome_linked), 0)::int AS "weaponFinds"
  FROM crime_priorities.stop_search WHERE month BETWEEN $1::date AND $2::date GROUP BY force_id`;

const SOURCE_BATCHES_SQL = `
  SELECT force_id AS "forceId", array_agg(DISTINCT batch_id ORDER BY batch_id) AS "batchIds"
  FROM (SELECT force_id, batch_id FROM crime_priorities.recorded_offence WHERE month BETWEEN $1::date AND $2::date
        UNION SELECT force_id, batch_id FROM crime_priorities.offence_outcome WHERE month BETWEEN $1::date AND $2::date
        UNION SELECT force_id, batch_id FROM crime_priorities.stop_search WHERE month BETWEEN $1::date AND $2::date) contributing
  GROUP BY force_id`;

export function createLoaders(prisma: PrismaClient, memo: RequestMemo) {
  const sources = createSourceLoader(prisma, memo, "crime_priorities");
  const crimeData = (period: Period) =>
    memo(`crime-data|${periodKey(period)}`, async (): Promise<CrimeData> => {
      const [offences, outcomes, coverage] = await Promise.all([
        prisma.$queryRawUnsafe<UnitFacts[]>(at(OFFENCE_FACTS_SQL, period), period.from, period.to),
        prisma.$queryRawUnsafe<UnitFacts[]>(at(VAWG_OUTCOME_FACTS_SQL, period), period.from, period.to),
        loadCoverage(prisma, "crime_priorities", COVERAGE_MEASURES, period),
      ]);
      const facts = new Map<string, UnitFacts>();
      for (const row of [...offences, ...outcomes]) {
        const key = unitKey(row.batchId, row.forceId, row.periodStart);
        facts.set(key, { ...facts.get(key), ...row });
      }
      return { facts, coverage };
    });
  return {
    /** The sources of the given batches (the units a count was tiled from). */
    batchSources: createBatchSources(prisma, memo, "crime_priorities"),
    stopSearch: (period: Period) =>
      memo(`stop-search|${periodKey(period)}`, async () => {
        const rows = await prisma.$queryRawUnsafe<StopSearchCounts[]>(at(STOP_SEARCH_SQL, period), period.from, period.to);
        return new Map(rows.map((row) => [row.forceId, row]));
      }),
    sources: (period: Period, forceId: string) =>
      sources(periodKey(period), at(SOURCE_BATCHES_SQL, period), [period.from, period.to], forceId),
    /** Every covered force's counts for the period: one fetch serves force values, group values and ranks. */
    figures: (period: Period) =>
      memo(`figures|${periodKey(period)}`, async () => {
        const data = await crimeData(period);
        return new Map(coveredForces(data).map((forceId) => [forceId, tallyForce(data, period, forceId)]));
      }),
    /** One force's counts month by month, from the same fetch as the period's. */
    async monthlyFigures(period: Period, forceId: string) {
      const data = await crimeData(period);
      return monthsStartingWithin(period).map((month) => ({ month, counts: tallyForce(data, monthPeriod(month, period), forceId) }));
    },
    /** Each force's coverage of the period for a measure read straight from its table (stop and search, outcomes of all recorded crime). */
    coverage: (period: Period, measure: "STOP_AND_SEARCH" | "RECORDED_CRIME_OUTCOMES", label: string) =>
      memo(`coverage|${measure}|${periodKey(period)}`, async () => {
        const units = (await loadCoverage(prisma, "crime_priorities", [measure], period)).get(measure)!;
        return (forceId: string) => tileCoverage(period, units.get(forceId) ?? [], label).coverage;
      }),
    /** The force-months of each monthly kind whose counts are implausibly low, as the data stood on the period's day. */
    implausibleMonths: (period: Period, check: PlausibilityCheck) =>
      memo(`implausible|${check.measure}|${period.asPublishedOn ? isoDay(period.asPublishedOn) : "latest"}`, async () =>
        implausibleMonths(await prisma.$queryRawUnsafe<MonthlyTotal[]>(at(check.monthlyTotalsSql, period)), check.measure),
      ),
    watchlistRules: () => memo("watchlist-rules", () => prisma.watchlistRule.findMany({ orderBy: { id: "asc" } })),
    outcomes: forcePeriodLoader(async (forceIds: string[], period: Period) => {
      const rows = await prisma.$queryRawUnsafe<OutcomeRow[]>(at(OUTCOMES_SQL, period), forceIds, period.from, period.to);
      const byForce = new Map<string, OutcomeRow[]>();
      for (const row of rows) byForce.set(row.forceId, [...(byForce.get(row.forceId) ?? []), row]);
      return byForce;
    }, [] as OutcomeRow[]),
  };
}

export interface CrimePrioritiesContext {
  prisma: PrismaClient;
  viewer: Viewer;
  loaders: ReturnType<typeof createLoaders>;
}

export const createContext = (prisma: PrismaClient, viewer: Viewer, memo: RequestMemo): CrimePrioritiesContext => ({
  prisma,
  viewer,
  loaders: createLoaders(prisma, memo),
});
