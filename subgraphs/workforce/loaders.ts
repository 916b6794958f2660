import DataLoader from "dataloader";
import type { Viewer } from "../../shared/auth/viewer.ts";
import type { PrismaClient } from "../../prisma/generated/workforce/client.ts";
import { asPublished, loadersByPublicationDay } from "../shared/graphql/as-published.ts";
import { loadCoverage, unitKey } from "../shared/coverage/live-coverage.ts";
import type { CoverageUnit } from "../shared/coverage/tile.ts";
import { isoDay } from "../shared/graphql/period.ts";
import { withinMemo, type RequestMemo } from "../shared/graphql/request-memo.ts";
import { createBatchSources, createSourceLoader } from "../shared/graphql/source.ts";
import type { FunctionStrength, WorkforceSnapshot } from "./schema/workforce-snapshot.ts";
import {
  chooseSnapshot,
  COVERAGE_MEASURES,
  latestUnit,
  missingReason,
  SNAPSHOT_MEASURES,
  type ChosenSnapshot,
  type SnapshotFacts,
  type SnapshotPart,
  type WorkforceCoverage,
} from "./snapshots.ts";

/** A force's snapshot as served: parts no loaded source gives for its day are null, with the reason in `coverage`. */
export type SnapshotRow = Omit<WorkforceSnapshot, "visibleFrontlineOfficerShare"> & {
  visibleFrontlineOfficersFte: number | null;
  /** Officer FTE of the source frontline status is read from, the share's denominator. */
  frontlineOfficersFte: number | null;
  frontlineUnit: CoverageUnit | undefined;
  /** The unit (batch) each part of the snapshot is read from: the provenance of figures built on it. */
  units: ChosenSnapshot["units"];
};

/**
 * Each chosen batch's figures for a force at a snapshot day. A headcount is known for a worker type
 * when every row of that type gives one (the bulletin tables give officers in FTE alone, special
 * constables in headcount alone); with no row of the type, when the batch gives headcounts throughout.
 */
const FACTS_SQL = `
  SELECT batch_id AS "batchId", force_id AS "forceId", as_at AS "asAt",
         COALESCE(sum(fte) FILTER (WHERE worker_type = 'OFFICER'), 0)::float8 AS "officersFte",
         CASE WHEN COALESCE(bool_and(headcount IS NOT NULL) FILTER (WHERE worker_type = 'OFFICER'), bool_and(headcount IS NOT NULL)) THEN COALESCE(sum(headcount) FILTER (WHERE worker_type = 'OFFICER'), 0)::int END AS "officersHeadcount",
         COALESCE(sum(fte) FILTER (WHERE worker_type = 'STAFF'), 0)::float8 AS "staffFte",
         COALESCE(sum(fte) FILTER (WHERE worker_type = 'PCSO'), 0)::float8 AS "pcsoFte",
         COALESCE(sum(fte) FILTER (WHERE worker_type = 'DESIGNATED'), 0)::float8 AS "designatedFte",
         CASE WHEN COALESCE(bool_and(headcount IS NOT NULL) FILTER (WHERE worker_type = 'SPECIAL'), bool_and(headcount IS NOT NULL)) THEN COALESCE(sum(headcount) FILTER (WHERE worker_type = 'SPECIAL'), 0)::int END AS "specialsHeadcount",
         COALESCE(sum(fte) FILTER (WHERE worker_type <> 'SPECIAL'), 0)::float8 AS "totalWorkforceFte",
         COALESCE(sum(fte) FILTER (WHERE neighbourhood AND worker_type IN ('OFFICER', 'PCSO')), 0)::float8 AS "neighbourhoodFte",
         COALESCE(sum(fte) FILTER (WHERE neighbourhood AND worker_type = 'OFFICER'), 0)::float8 AS "neighbourhoodOfficersFte",
         COALESCE(sum(fte) FILTER (WHERE neighbourhood AND worker_type = 'PCSO'), 0)::float8 AS "neighbourhoodPcsoFte",
         COALESCE(sum(fte) FILTER (WHERE worker_type = 'OFFICER' AND frontline_status = 'Visible frontline'), 0)::float8 AS "visibleFrontlineOfficersFte"
  FROM workforce.workforce_record
  WHERE (batch_id, force_id, as_at) IN (SELECT * FROM unnest($1::int[], $2::text[], $3::date[]))
  GROUP BY batch_id, force_id, as_at`;

const FUNCTIONS_SQL = `
  SELECT batch_id AS "batchId", force_id AS "forceId", as_at AS "asAt", function_name AS "functionName", frontline_status AS "frontlineStatus", sum(fte)::float8 AS "officersFte"
  FROM workforce.workforce_record
  WHERE (batch_id, force_id, as_at) IN (SELECT * FROM unnest($1::int[], $2::text[], $3::date[])) AND worker_type = 'OFFICER'
  GROUP BY batch_id, force_id, as_at, function_name, frontline_status
  ORDER BY "officersFte" DESC, "functionName"`;

const SOURCE_BATCHES_SQL = `
  SELECT force_id AS "forceId", array_agg(DISTINCT batch_id ORDER BY batch_id) AS "batchIds"
  FROM workforce.workforce_record WHERE as_at = $1::date GROUP BY force_id`;

/** Snapshots go back to the first year the hub holds; "the latest" reads up to the far future. */
const EARLIEST = new Date(Date.UTC(2010, 0, 1));
const LATEST = new Date(Date.UTC(9999, 11, 31));
const unitColumns = (units: CoverageUnit[]) => [
  units.map((unit) => unit.batchId),
  units.map((unit) => unit.forceId),
  units.map((unit) => unit.periodStart),
];

function snapshotRow(chosen: ChosenSnapshot, facts: Map<string, SnapshotFacts>): SnapshotRow {
  const of = (part: SnapshotPart) => {
    const unit = chosen.units[part];
    return unit && facts.get(unitKey(unit.batchId, unit.forceId, unit.periodStart));
  };
  const workforce = of("workforce")!;
  const neighbourhood = of("neighbourhood");
  const frontline = of("frontline");
  return {
    ...workforce,
    forceId: chosen.forceId,
    asAt: chosen.asAt,
    neighbourhoodFte: neighbourhood?.neighbourhoodFte ?? null,
    neighbourhoodOfficersFte: neighbourhood?.neighbourhoodOfficersFte ?? null,
    neighbourhoodPcsoFte: neighbourhood?.neighbourhoodPcsoFte ?? null,
    visibleFrontlineOfficersFte: frontline?.visibleFrontlineOfficersFte ?? null,
    frontlineOfficersFte: frontline?.officersFte ?? null,
    frontlineUnit: chosen.units.frontline,
    units: chosen.units,
    coverage: (Object.keys(SNAPSHOT_MEASURES) as SnapshotPart[]).map((part) => ({
      measure: SNAPSHOT_MEASURES[part].measure,
      available: !!chosen.units[part],
      reason: chosen.units[part] ? null : missingReason(part, chosen.asAt),
    })),
  };
}

export function createLoaders(prisma: PrismaClient, dataMemo: RequestMemo, asPublishedOn?: Date) {
  const memo = withinMemo(dataMemo, asPublishedOn ? isoDay(asPublishedOn) : "latest");
  const at = (sql: string) => asPublished(sql, ["workforce.workforce_record"], asPublishedOn);
  const sources = createSourceLoader(prisma, memo, "workforce");
  const coverageUpTo = (day: Date): Promise<WorkforceCoverage> =>
    memo(`coverage|${isoDay(day)}`, () => loadCoverage(prisma, "workforce", COVERAGE_MEASURES, { from: EARLIEST, to: day, asPublishedOn }));
  const factsOf = async (units: CoverageUnit[]) => {
    const rows = units.length ? await prisma.$queryRawUnsafe<SnapshotFacts[]>(at(FACTS_SQL), ...unitColumns(units)) : [];
    return new Map(rows.map((row) => [unitKey(row.batchId, row.forceId, row.asAt), row]));
  };
  /** Every force's latest snapshot on or before a day: one fetch for force values, group values and ranks. */
  const allSnapshots = (day: Date) =>
    memo(`snapshots|${isoDay(day)}`, async () => {
      const coverage = await coverageUpTo(day);
      const chosen = [...(coverage.get(SNAPSHOT_MEASURES.workforce.measure)?.keys() ?? [])].map((forceId) =>
        chooseSnapshot(coverage, forceId)!,
      );
      const facts = await factsOf(chosen.flatMap((snapshot) => Object.values(snapshot.units).filter((unit) => unit !== undefined)));
      return new Map(chosen.map((snapshot) => [snapshot.forceId, snapshotRow(snapshot, facts)]));
    });
  const batchSources = createBatchSources(prisma, dataMemo, "workforce");
  return {
    sources: (asAt: Date, forceId: string) => sources(isoDay(asAt), at(SOURCE_BATCHES_SQL), [asAt], forceId),
    /** The sources of the given batches (the units a snapshot's parts were read from). */
    batchSources,
    allSnapshots,
    snapshot: async (forceId: string, day: Date) => (await allSnapshots(day)).get(forceId) ?? null,
    /** Officer FTE of every force at its latest snapshot, for per-officer measures in other subgraphs. */
    latestOfficers: async () => {
      const snapshots = [...(await allSnapshots(LATEST)).values()];
      const synthetic = new Set(
        (await batchSources(snapshots.map((snapshot) => snapshot.units.workforce!.batchId)))
          .filter((source) => source.synthetic)
          .map((source) => Number(source.batchId)),
      );
      return snapshots.map(({ forceId, asAt, officersFte, units }) => ({
        forceId,
        asAt,
        officersFte,
        synthetic: synthetic.has(units.workforce!.batchId),
      }));
    },
    /** Neighbourhood FTE of every force a functions source covers, at its latest such snapshot on or before a day. */
    neighbourhoodByForce: (day: Date) =>
      memo(`neighbourhood|${isoDay(day)}`, async () => {
        const coverage = await coverageUpTo(day);
        const units = [...(coverage.get(SNAPSHOT_MEASURES.neighbourhood.measure)?.keys() ?? [])].map((forceId) =>
          latestUnit(coverage, "neighbourhood", forceId)!,
        );
        const facts = await factsOf(units);
        return new Map(
          units.map((unit) => [
            unit.forceId,
            {
              forceId: unit.forceId,
              asAt: unit.periodStart,
              neighbourhoodFte: facts.get(unitKey(unit.batchId, unit.forceId, unit.periodStart))!.neighbourhoodFte,
            },
          ]),
        );
      }),
    guaranteeTarget: () =>
      memo("guarantee-target", async () => {
        const target = await prisma.neighbourhoodTarget.findFirst({ orderBy: { baselineOn: "desc" } });
        return (
          target && {
            baselineOn: target.baselineOn,
            baselineFte: Number(target.baselineFte),
            targetOn: target.targetOn,
            targetFte: Number(target.targetFte),
          }
        );
      }),
    /** Officer FTE by function from the batch and day a snapshot reads frontline status from: one statement for all asked. */
    functions: new DataLoader<CoverageUnit, FunctionStrength[], string>(
      async (units) => {
        const rows = await prisma.$queryRawUnsafe<(FunctionStrength & { forceId: string; batchId: number; asAt: Date })[]>(
          at(FUNCTIONS_SQL),
          ...unitColumns([...units]),
        );
        const byUnit = new Map<string, FunctionStrength[]>();
        for (const { batchId, forceId, asAt, ...strength } of rows) {
          const key = unitKey(batchId, forceId, asAt);
          byUnit.set(key, [...(byUnit.get(key) ?? []), strength]);
        }
        return units.map((unit) => byUnit.get(unitKey(unit.batchId, unit.forceId, unit.periodStart)) ?? []);
      },
      { cacheKeyFn: (unit) => unitKey(unit.batchId, unit.forceId, unit.periodStart) },
    ),
  };
}

export interface WorkforceContext {
  prisma: PrismaClient;
  viewer: Viewer;
  /** Loaders for the latest figures, or for the figures as published on a day. */
  loaders: (asPublishedOn?: Date | null) => ReturnType<typeof createLoaders>;
}

export const createContext = (prisma: PrismaClient, viewer: Viewer, memo: RequestMemo): WorkforceContext => ({
  prisma,
  viewer,
  loaders: loadersByPublicationDay((asPublishedOn) => createLoaders(prisma, memo, asPublishedOn)),
});
