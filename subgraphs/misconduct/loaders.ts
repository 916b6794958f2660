import type { PrismaClient } from "../../prisma/generated/misconduct/client.ts";
import { forcePeriodLoader } from "../shared/graphql/period-loader.ts";
import type { Period } from "../shared/graphql/period.ts";
import type { MisconductSummary, VettingSummary } from "./schema/misconduct-summary.ts";

type MisconductRow = Omit<MisconductSummary, "from" | "to">;
type VettingRow = Omit<VettingSummary, "from" | "to">;

const MISCONDUCT_SQL = `
  SELECT force_id AS "forceId",
         count(*) FILTER (WHERE opened_on BETWEEN $2::date AND $3::date)::int AS "casesOpened",
         count(*) FILTER (WHERE proceedings_on BETWEEN $2::date AND $3::date)::int AS "proceedingsHeld",
         count(*) FILTER (WHERE proceedings_on BETWEEN $2::date AND $3::date AND proceedings = 'MISCONDUCT_MEETING')::int AS "misconductMeetings",
         count(*) FILTER (WHERE proceedings_on BETWEEN $2::date AND $3::date AND proceedings = 'MISCONDUCT_HEARING')::int AS "misconductHearings",
         count(*) FILTER (WHERE proceedings_on BETWEEN $2::date AND $3::date AND proceedings = 'ACCELERATED_HEARING')::int AS "acceleratedHearings",
         count(*) FILTER (WHERE proceedings_on BETWEEN $2::date AND $3::date AND finding = 'GROSS_MISCONDUCT')::int AS "grossMisconductFindings",
         count(*) FILTER (WHERE proceedings_on BETWEEN $2::date AND $3::date AND outcome = 'DISMISSAL_WITHOUT_NOTICE')::int AS dismissals
  FROM misconduct.misconduct_case
  WHERE force_id = ANY($1::text[])
    AND (opened_on BETWEEN $2::date AND $3::date OR proceedings_on BETWEEN $2::date AND $3::date)
  GROUP BY force_id`;

const VETTING_SQL = `
  SELECT force_id AS "forceId", sum(applications)::int AS applications, sum(refusals)::int AS refusals,
         sum(renewals_due)::int AS "renewalsDue",
         COALESCE(sum(renewals_overdue) FILTER (WHERE period_end = last_end), 0)::int AS "renewalsOverdue"
  FROM (SELECT *, max(period_end) OVER (PARTITION BY force_id) AS last_end FROM misconduct.vetting_return
        WHERE force_id = ANY($1::text[]) AND period_start BETWEEN $2::date AND $3::date) returns
  GROUP BY force_id`;

const noCases = (forceId: string): MisconductRow => ({
  forceId, casesOpened: 0, proceedingsHeld: 0, misconductMeetings: 0, misconductHearings: 0, acceleratedHearings: 0, grossMisconductFindings: 0, dismissals: 0,
});

export function createLoaders(prisma: PrismaClient) {
  return {
    misconduct: forcePeriodLoader(async (forceIds: string[], period: Period) => {
      const rows = await prisma.$queryRawUnsafe<MisconductRow[]>(MISCONDUCT_SQL, forceIds, period.from, period.to);
      const byForce = new Map(rows.map((row) => [row.forceId, row]));
      return new Map(forceIds.map((forceId) => [forceId, byForce.get(forceId) ?? noCases(forceId)]));
    }, null as MisconductRow | null),
    vetting: forcePeriodLoader(async (forceIds: string[], period: Period) => {
      const rows = await prisma.$queryRawUnsafe<VettingRow[]>(VETTING_SQL, forceIds, period.from, period.to);
      return new Map(rows.map((row) => [row.forceId, row]));
    }, null as VettingRow | null),
  };
}

export interface MisconductContext {
  prisma: PrismaClient;
  loaders: ReturnType<typeof createLoaders>;
}

export const createContext = (prisma: PrismaClient): MisconductContext => ({ prisma, loaders: createLoaders(prisma) });
