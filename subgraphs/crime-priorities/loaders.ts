import type { Viewer } from "../shared/auth/viewer.ts";
import type { PrismaClient } from "../../prisma/generated/crime-priorities/client.ts";
import DataLoader from "dataloader";
import { asPublishedForPeriod } from "../shared/graphql/as-published.ts";
import { forcePeriodLoader } from "../shared/graphql/period-loader.ts";
import { isoDay, periodKey, type Period } from "../shared/graphql/period.ts";
import { createRequestMemo } from "../shared/graphql/request-memo.ts";
import { createSourceLoader } from "../shared/graphql/source.ts";
import type { CrimeFigures } from "./measures.ts";

export interface OffenceTotals {
  forceId: string;
  recordedOffences: number;
  vawg: number;
  knifeCrime: number;
  csa: number;
}
type OutcomeRow = { forceId: string; priority: string; outcome: string; count: number };

/** The tables a revision can replace rows of: read as published on a day when the period asks. */
const at = asPublishedForPeriod(["crime_priorities.recorded_offence", "crime_priorities.offence_outcome", "crime_priorities.stop_search"]);

/** Totals per force (and per month when asked), for the given forces or all. */
const OFFENCES_SQL = (byMonth: boolean) => `
  SELECT force_id AS "forceId", ${byMonth ? "month," : ""}
         sum(offences)::int AS "recordedOffences",
         COALESCE(sum(offences) FILTER (WHERE vawg), 0)::int AS vawg,
         COALESCE(sum(offences) FILTER (WHERE knife_crime), 0)::int AS "knifeCrime",
         COALESCE(sum(offences) FILTER (WHERE csa), 0)::int AS csa
  FROM crime_priorities.recorded_offence
  WHERE ($1::text[] IS NULL OR force_id = ANY($1::text[])) AND month BETWEEN $2::date AND $3::date
  GROUP BY force_id ${byMonth ? ", month" : ""}`;

const VAWG_OUTCOMES_SQL = (byMonth: boolean) => `
  SELECT force_id AS "forceId", ${byMonth ? "month," : ""} sum(outcomes)::int AS "vawgOutcomes",
         COALESCE(sum(outcomes) FILTER (WHERE outcome = 'Charged or summonsed'), 0)::int AS "vawgCharged"
  FROM crime_priorities.offence_outcome
  WHERE priority = 'VAWG' AND ($1::text[] IS NULL OR force_id = ANY($1::text[])) AND month BETWEEN $2::date AND $3::date
  GROUP BY force_id ${byMonth ? ", month" : ""}`;

const OUTCOMES_SQL = `
  SELECT force_id AS "forceId", priority, outcome, sum(outcomes)::int AS count
  FROM crime_priorities.offence_outcome
  WHERE force_id = ANY($1::text[]) AND month BETWEEN $2::date AND $3::date
  GROUP BY force_id, priority, outcome
  ORDER BY count DESC, outcome`;

type CrimeRow = Omit<CrimeFigures, "population"> & { forceId: string; month?: Date };

/** Offence totals and VAWG outcomes keyed by force (and month), without populations: those come with the request. */
function crimeFigures(offences: OffenceTotals[], outcomes: { forceId: string; month?: Date; vawgOutcomes: number; vawgCharged: number }[]) {
  const key = (row: { forceId: string; month?: Date }) => `${row.forceId}|${row.month ? isoDay(row.month) : ""}`;
  const byKey = new Map<string, CrimeRow>();
  for (const row of offences) byKey.set(key(row), { ...row, vawgOutcomes: 0, vawgCharged: 0 });
  for (const row of outcomes) {
    const existing = byKey.get(key(row)) ?? { forceId: row.forceId, month: row.month, recordedOffences: 0, vawg: 0, knifeCrime: 0, csa: 0, vawgOutcomes: 0, vawgCharged: 0 };
    byKey.set(key(row), { ...existing, vawgOutcomes: row.vawgOutcomes, vawgCharged: row.vawgCharged });
  }
  return [...byKey.values()];
}

const STOP_SEARCH_SQL = `
  SELECT force_id AS "forceId", sum(searches)::int AS searches,
         COALESCE(sum(searches) FILTER (WHERE outcome = 'Arrest'), 0)::int AS arrests,
         COALESCE(sum(searches) FILTER (WHERE object_of_search IN ('Offensive weapons', 'Firearms')), 0)::int AS "weaponSearches",
         COALESCE(sum(searches) FILTER (WHERE object_of_search IN ('Offensive weapons', 'Firearms') AND outcome_linked), 0)::int AS "weaponFinds"
  FROM crime_priorities.stop_search WHERE month BETWEEN $1::date AND $2::date GROUP BY force_id`;

const SOURCE_BATCHES_SQL = `
  SELECT force_id AS "forceId", array_agg(DISTINCT batch_id ORDER BY batch_id) AS "batchIds"
  FROM (SELECT force_id, batch_id FROM crime_priorities.recorded_offence WHERE month BETWEEN $1::date AND $2::date
        UNION SELECT force_id, batch_id FROM crime_priorities.offence_outcome WHERE month BETWEEN $1::date AND $2::date
        UNION SELECT force_id, batch_id FROM crime_priorities.stop_search WHERE month BETWEEN $1::date AND $2::date) contributing
  GROUP BY force_id`;

export function createLoaders(prisma: PrismaClient) {
  const memo = createRequestMemo();
  const sources = createSourceLoader(prisma, "crime_priorities");
  const fetchFigures = async (forceIds: string[] | null, period: Period, byMonth: boolean) => {
    const [offences, outcomes] = await Promise.all([
      prisma.$queryRawUnsafe<OffenceTotals[]>(at(OFFENCES_SQL(byMonth), period), forceIds, period.from, period.to),
      prisma.$queryRawUnsafe<{ forceId: string; month?: Date; vawgOutcomes: number; vawgCharged: number }[]>(at(VAWG_OUTCOMES_SQL(byMonth), period), forceIds, period.from, period.to),
    ]);
    return crimeFigures(offences, outcomes);
  };
  const monthlyLoaders = new Map<string, DataLoader<string, CrimeRow[]>>();
  return {
    stopSearch: (period: Period) =>
      memo(`stop-search|${periodKey(period)}`, async () => {
        const rows = await prisma.$queryRawUnsafe<{ forceId: string; searches: number; arrests: number; weaponSearches: number; weaponFinds: number }[]>(at(STOP_SEARCH_SQL, period), period.from, period.to);
        return new Map(rows.map((row) => [row.forceId, row]));
      }),
    sources: (period: Period, forceId: string) => sources(periodKey(period), at(SOURCE_BATCHES_SQL, period), [period.from, period.to], forceId),
    /** Every force's totals for the period: one fetch serves force values, group values and ranks. */
    figures: (period: Period) =>
      memo(`figures|${periodKey(period)}`, async () => new Map((await fetchFigures(null, period, false)).map((row) => [row.forceId, row]))),
    /** One force's totals month by month, batched across the forces a request asks about. */
    monthlyFigures(period: Period, forceId: string) {
      const key = periodKey(period);
      if (!monthlyLoaders.has(key)) {
        monthlyLoaders.set(key, new DataLoader(async (forceIds: readonly string[]) => {
          const rows = await fetchFigures([...forceIds], period, true);
          return forceIds.map((id) => rows.filter((row) => row.forceId === id));
        }));
      }
      return monthlyLoaders.get(key)!.load(forceId);
    },
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

export const createContext = (prisma: PrismaClient, viewer: Viewer): CrimePrioritiesContext => ({ prisma, viewer, loaders: createLoaders(prisma) });
