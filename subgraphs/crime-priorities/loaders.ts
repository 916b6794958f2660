import type { PrismaClient } from "../../prisma/generated/crime-priorities/client.ts";
import { forcePeriodLoader } from "../shared/graphql/period-loader.ts";
import type { Period } from "../shared/graphql/period.ts";

export interface OffenceTotals {
  forceId: string;
  recordedOffences: number;
  vawg: number;
  knifeCrime: number;
  csa: number;
}
type OutcomeRow = { forceId: string; priority: string; outcome: string; count: number };

const OFFENCES_SQL = `
  SELECT force_id AS "forceId",
         sum(offences)::int AS "recordedOffences",
         COALESCE(sum(offences) FILTER (WHERE vawg), 0)::int AS vawg,
         COALESCE(sum(offences) FILTER (WHERE knife_crime), 0)::int AS "knifeCrime",
         COALESCE(sum(offences) FILTER (WHERE csa), 0)::int AS csa
  FROM crime_priorities.recorded_offence
  WHERE force_id = ANY($1::text[]) AND month BETWEEN $2::date AND $3::date
  GROUP BY force_id`;

const OUTCOMES_SQL = `
  SELECT force_id AS "forceId", priority, outcome, sum(outcomes)::int AS count
  FROM crime_priorities.offence_outcome
  WHERE force_id = ANY($1::text[]) AND month BETWEEN $2::date AND $3::date
  GROUP BY force_id, priority, outcome
  ORDER BY count DESC, outcome`;

export function createLoaders(prisma: PrismaClient) {
  return {
    offences: forcePeriodLoader(async (forceIds: string[], period: Period) => {
      const rows = await prisma.$queryRawUnsafe<OffenceTotals[]>(OFFENCES_SQL, forceIds, period.from, period.to);
      return new Map(rows.map((row) => [row.forceId, row]));
    }, null as OffenceTotals | null),
    outcomes: forcePeriodLoader(async (forceIds: string[], period: Period) => {
      const rows = await prisma.$queryRawUnsafe<OutcomeRow[]>(OUTCOMES_SQL, forceIds, period.from, period.to);
      const byForce = new Map<string, OutcomeRow[]>();
      for (const row of rows) byForce.set(row.forceId, [...(byForce.get(row.forceId) ?? []), row]);
      return byForce;
    }, [] as OutcomeRow[]),
  };
}

export interface CrimePrioritiesContext {
  prisma: PrismaClient;
  loaders: ReturnType<typeof createLoaders>;
}

export const createContext = (prisma: PrismaClient): CrimePrioritiesContext => ({ prisma, loaders: createLoaders(prisma) });
