import type { Viewer } from "../shared/auth/viewer.ts";
import type { PrismaClient } from "../../prisma/generated/workforce/client.ts";
import { asPublished, loadersByPublicationDay } from "../shared/graphql/as-published.ts";
import { forceDateLoader } from "../shared/graphql/period-loader.ts";
import { isoDay } from "../shared/graphql/period.ts";
import { createRequestMemo } from "../shared/graphql/request-memo.ts";
import { createSourceLoader } from "../shared/graphql/source.ts";
import type { FunctionStrength, WorkforceSnapshot } from "./schema/workforce-snapshot.ts";

export type SnapshotRow = Omit<WorkforceSnapshot, "visibleFrontlineOfficerShare"> & { visibleFrontlineOfficersFte: number };

/** The latest snapshot on or before the date, per force, summed by worker type. */
const SNAPSHOT_SQL = `
  WITH latest AS (
    SELECT force_id, max(as_at) AS as_at FROM workforce.workforce_record
    WHERE ($1::text[] IS NULL OR force_id = ANY($1::text[])) AND as_at <= $2::date GROUP BY force_id
  )
  SELECT r.force_id AS "forceId", r.as_at AS "asAt",
         COALESCE(sum(fte) FILTER (WHERE worker_type = 'OFFICER'), 0)::float8 AS "officersFte",
         COALESCE(sum(headcount) FILTER (WHERE worker_type = 'OFFICER'), 0)::int AS "officersHeadcount",
         COALESCE(sum(fte) FILTER (WHERE worker_type = 'STAFF'), 0)::float8 AS "staffFte",
         COALESCE(sum(fte) FILTER (WHERE worker_type = 'PCSO'), 0)::float8 AS "pcsoFte",
         COALESCE(sum(fte) FILTER (WHERE worker_type = 'DESIGNATED'), 0)::float8 AS "designatedFte",
         COALESCE(sum(headcount) FILTER (WHERE worker_type = 'SPECIAL'), 0)::int AS "specialsHeadcount",
         COALESCE(sum(fte) FILTER (WHERE worker_type <> 'SPECIAL'), 0)::float8 AS "totalWorkforceFte",
         COALESCE(sum(fte) FILTER (WHERE neighbourhood AND worker_type IN ('OFFICER', 'PCSO')), 0)::float8 AS "neighbourhoodFte",
         COALESCE(sum(fte) FILTER (WHERE neighbourhood AND worker_type = 'OFFICER'), 0)::float8 AS "neighbourhoodOfficersFte",
         COALESCE(sum(fte) FILTER (WHERE neighbourhood AND worker_type = 'PCSO'), 0)::float8 AS "neighbourhoodPcsoFte",
         COALESCE(sum(fte) FILTER (WHERE worker_type = 'OFFICER' AND frontline_status = 'Visible frontline'), 0)::float8 AS "visibleFrontlineOfficersFte"
  FROM workforce.workforce_record r JOIN latest USING (force_id, as_at)
  GROUP BY r.force_id, r.as_at`;

const FUNCTIONS_SQL = `
  SELECT force_id AS "forceId", function_name AS "functionName", frontline_status AS "frontlineStatus", sum(fte)::float8 AS "officersFte"
  FROM workforce.workforce_record
  WHERE force_id = ANY($1::text[]) AND as_at = $2::date AND worker_type = 'OFFICER'
  GROUP BY force_id, function_name, frontline_status
  ORDER BY "officersFte" DESC`;

/** Neighbourhood FTE of every force at its latest snapshot on or before a day. */
const NEIGHBOURHOOD_SQL = `
  WITH latest AS (SELECT force_id, max(as_at) AS as_at FROM workforce.workforce_record WHERE as_at <= $1::date GROUP BY force_id)
  SELECT r.force_id AS "forceId", r.as_at AS "asAt",
         COALESCE(sum(fte) FILTER (WHERE neighbourhood AND worker_type IN ('OFFICER', 'PCSO')), 0)::float8 AS "neighbourhoodFte"
  FROM workforce.workforce_record r JOIN latest USING (force_id, as_at)
  GROUP BY r.force_id, r.as_at`;

const LATEST_OFFICERS_SQL = `
  WITH latest AS (SELECT force_id, max(as_at) AS as_at FROM workforce.workforce_record GROUP BY force_id)
  SELECT r.force_id AS "forceId", r.as_at AS "asAt", sum(fte)::float8 AS "officersFte"
  FROM workforce.workforce_record r JOIN latest USING (force_id, as_at)
  WHERE worker_type = 'OFFICER'
  GROUP BY r.force_id, r.as_at
  ORDER BY r.force_id`;

const SOURCE_BATCHES_SQL = `
  SELECT force_id AS "forceId", array_agg(DISTINCT batch_id ORDER BY batch_id) AS "batchIds"
  FROM workforce.workforce_record WHERE as_at = $1::date GROUP BY force_id`;

export function createLoaders(prisma: PrismaClient, asPublishedOn?: Date) {
  const memo = createRequestMemo();
  const at = (sql: string) => asPublished(sql, ["workforce.workforce_record"], asPublishedOn);
  const sources = createSourceLoader(prisma, "workforce");
  return {
    sources: (asAt: Date, forceId: string) => sources(isoDay(asAt), at(SOURCE_BATCHES_SQL), [asAt], forceId),
    /** Every force's latest snapshot on or before a day: one fetch for force values, group values and ranks. */
    allSnapshots: (day: Date) =>
      memo(`snapshots|${isoDay(day)}`, async () => {
        const rows = await prisma.$queryRawUnsafe<SnapshotRow[]>(at(SNAPSHOT_SQL), null, day);
        return new Map(rows.map((row) => [row.forceId, row]));
      }),
    latestOfficers: () =>
      memo("latest-officers", async () => {
        const rows = await prisma.$queryRawUnsafe<{ forceId: string; asAt: Date; officersFte: number }[]>(at(LATEST_OFFICERS_SQL));
        return new Map(rows.map((row) => [row.forceId, row]));
      }),
    neighbourhoodByForce: (day: Date) =>
      memo(`neighbourhood|${isoDay(day)}`, async () => {
        const rows = await prisma.$queryRawUnsafe<{ forceId: string; asAt: Date; neighbourhoodFte: number }[]>(at(NEIGHBOURHOOD_SQL), day);
        return new Map(rows.map((row) => [row.forceId, row]));
      }),
    guaranteeTarget: () =>
      memo("guarantee-target", async () => {
        const target = await prisma.neighbourhoodTarget.findFirst({ orderBy: { baselineOn: "desc" } });
        return target && { baselineOn: target.baselineOn, baselineFte: Number(target.baselineFte), targetOn: target.targetOn, targetFte: Number(target.targetFte) };
      }),
    snapshot: forceDateLoader(async (forceIds: string[], day: Date) => {
      const rows = await prisma.$queryRawUnsafe<SnapshotRow[]>(at(SNAPSHOT_SQL), forceIds, day);
      return new Map(rows.map((row) => [row.forceId, row]));
    }, null as SnapshotRow | null),
    functions: forceDateLoader(async (forceIds: string[], asAt: Date) => {
      const rows = await prisma.$queryRawUnsafe<(FunctionStrength & { forceId: string })[]>(at(FUNCTIONS_SQL), forceIds, asAt);
      const byForce = new Map<string, FunctionStrength[]>();
      for (const row of rows) byForce.set(row.forceId, [...(byForce.get(row.forceId) ?? []), row]);
      return byForce;
    }, [] as FunctionStrength[]),
  };
}

export interface WorkforceContext {
  prisma: PrismaClient;
  viewer: Viewer;
  /** Loaders for the latest figures, or for the figures as published on a day. */
  loaders: (asPublishedOn?: Date | null) => ReturnType<typeof createLoaders>;
}

export const createContext = (prisma: PrismaClient, viewer: Viewer): WorkforceContext => ({
  prisma,
  viewer,
  loaders: loadersByPublicationDay((asPublishedOn) => createLoaders(prisma, asPublishedOn)),
});
