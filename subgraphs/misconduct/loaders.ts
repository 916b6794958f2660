import type { Viewer } from "../../shared/auth/viewer.ts";
import type { PrismaClient } from "../../prisma/generated/misconduct/client.ts";
import { asPublishedForPeriod } from "../shared/graphql/as-published.ts";
import { forcePeriodLoader } from "../shared/graphql/period-loader.ts";
import DataLoader from "dataloader";
import { periodKey, type Period } from "../shared/graphql/period.ts";
import { loadCoverage } from "../shared/coverage/live-coverage.ts";
import { tileCoverage } from "../shared/coverage/tile.ts";
import type { RequestMemo } from "../shared/graphql/request-memo.ts";
import { createSourceLoader } from "../shared/graphql/source.ts";
import type { MisconductSummary, VettingSummary } from "./schema/misconduct-summary.ts";

type MisconductRow = Omit<MisconductSummary, "from" | "to" | "coverage">;

/** The measure (in source_measure) misconduct case files give. */
export const MISCONDUCT_CASES = "MISCONDUCT_CASES";
const VETTING = "VETTING";
type VettingRow = Omit<VettingSummary, "from" | "to">;

/** The tables a revision can replace rows of: read as published on a day when the period asks. */
const at = asPublishedForPeriod(["misconduct.misconduct_case", "misconduct.vetting_return"]);

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
        WHERE force_id = ANY($1::text[]) AND period_start >= $2::date AND period_end <= $3::date) returns
  GROUP BY force_id`;

/** Every count the same: 0 for a force whose case files hold no case in the period, null where no case file covers it. */
export const sameCounts = (forceId: string, count: 0 | null): MisconductRow => ({
  forceId,
  casesOpened: count,
  proceedingsHeld: count,
  misconductMeetings: count,
  misconductHearings: count,
  acceleratedHearings: count,
  grossMisconductFindings: count,
  dismissals: count,
});

const CASES_OPENED_SQL = (byMonth: boolean) => `
  SELECT force_id AS "forceId", ${byMonth ? `date_trunc('month', opened_on)::date AS month,` : ""} count(*)::int AS "casesOpened"
  FROM misconduct.misconduct_case
  WHERE opened_on BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR force_id = ANY($3::text[]))
  GROUP BY force_id ${byMonth ? ", 2" : ""}`;

type CasesRow = { forceId: string; month?: Date; casesOpened: number };

/** Cases opened in the period by force and a subject characteristic column (sex or ethnicity). */
const CASES_BY_SQL = (column: "subject_sex" | "subject_ethnicity") => `
  SELECT force_id AS "forceId", ${column} AS category, count(*)::int AS count
  FROM misconduct.misconduct_case WHERE opened_on BETWEEN $1::date AND $2::date
  GROUP BY force_id, ${column}`;

const SOURCE_BATCHES_SQL = `
  SELECT force_id AS "forceId", array_agg(DISTINCT batch_id ORDER BY batch_id) AS "batchIds"
  FROM misconduct.misconduct_case
  WHERE opened_on BETWEEN $1::date AND $2::date OR proceedings_on BETWEEN $1::date AND $2::date
  GROUP BY force_id`;

export function createLoaders(prisma: PrismaClient, memo: RequestMemo) {
  /** A function giving each force's coverage of the period (or a part of it) for a measure. */
  const coverageOf = (measure: string, label: string, period: Period) =>
    memo(`coverage|${measure}|${periodKey(period)}`, async () => {
      const units = (await loadCoverage(prisma, "misconduct", [measure], period)).get(measure)!;
      return (forceId: string, within: Period = period) => tileCoverage(within, units.get(forceId) ?? [], label).coverage;
    });
  const sources = createSourceLoader(prisma, memo, "misconduct");
  const monthlyLoaders = new Map<string, DataLoader<string, CasesRow[]>>();
  return {
    casesBy: (period: Period, column: "subject_sex" | "subject_ethnicity") =>
      memo(`cases-by|${column}|${periodKey(period)}`, async () => {
        const rows = await prisma.$queryRawUnsafe<{ forceId: string; category: string; count: number }[]>(
          at(CASES_BY_SQL(column), period),
          period.from,
          period.to,
        );
        const byForce = new Map<string, { category: string; count: number }[]>();
        for (const { forceId, category, count } of rows) byForce.set(forceId, [...(byForce.get(forceId) ?? []), { category, count }]);
        return byForce;
      }),
    sources: (period: Period, forceId: string) =>
      sources(periodKey(period), at(SOURCE_BATCHES_SQL, period), [period.from, period.to], forceId),
    /** Cases opened in the period by every force: one fetch for force values, group values and ranks. */
    casesOpened: (period: Period) =>
      memo(`cases|${periodKey(period)}`, async () => {
        const rows = await prisma.$queryRawUnsafe<CasesRow[]>(at(CASES_OPENED_SQL(false), period), period.from, period.to, null);
        return new Map(rows.map((row) => [row.forceId, row.casesOpened]));
      }),
    monthlyCasesOpened(period: Period, forceId: string) {
      const key = periodKey(period);
      if (!monthlyLoaders.has(key)) {
        monthlyLoaders.set(
          key,
          new DataLoader(async (forceIds: readonly string[]) => {
            const rows = await prisma.$queryRawUnsafe<CasesRow[]>(at(CASES_OPENED_SQL(true), period), period.from, period.to, [
              ...forceIds,
            ]);
            return forceIds.map((id) => rows.filter((row) => row.forceId === id));
          }),
        );
      }
      return monthlyLoaders.get(key)!.load(forceId);
    },
    /** Which months of a period the loaded case files cover, per force (and per month within it). */
    caseCoverage: (period: Period) => coverageOf(MISCONDUCT_CASES, "misconduct cases", period),
    vettingCoverage: (period: Period) => coverageOf(VETTING, "vetting returns", period),
    watchlistRules: () => memo("watchlist-rules", () => prisma.watchlistRule.findMany({ orderBy: { id: "asc" } })),
    misconduct: forcePeriodLoader(
      async (forceIds: string[], period: Period) => {
        const rows = await prisma.$queryRawUnsafe<MisconductRow[]>(at(MISCONDUCT_SQL, period), forceIds, period.from, period.to);
        const byForce = new Map(rows.map((row) => [row.forceId, row]));
        return new Map(forceIds.map((forceId) => [forceId, byForce.get(forceId) ?? sameCounts(forceId, 0)]));
      },
      null as MisconductRow | null,
    ),
    vetting: forcePeriodLoader(
      async (forceIds: string[], period: Period) => {
        const rows = await prisma.$queryRawUnsafe<VettingRow[]>(at(VETTING_SQL, period), forceIds, period.from, period.to);
        return new Map(rows.map((row) => [row.forceId, row]));
      },
      null as VettingRow | null,
    ),
  };
}

export interface MisconductContext {
  prisma: PrismaClient;
  viewer: Viewer;
  loaders: ReturnType<typeof createLoaders>;
}

export const createContext = (prisma: PrismaClient, viewer: Viewer, memo: RequestMemo): MisconductContext => ({
  prisma,
  viewer,
  loaders: createLoaders(prisma, memo),
});
