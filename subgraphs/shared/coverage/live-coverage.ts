import { isoDay, type Period } from "../graphql/period.ts";
import type { CoverageUnit } from "./tile.ts";

/** The instant figures are read before: the start of the day after the asked day in UK time, or the end of time. */
const readingInstant = (asPublishedOn?: Date) =>
  asPublishedOn ? `((DATE '${isoDay(asPublishedOn)}' + 1)::timestamp AT TIME ZONE 'Europe/London')` : "'infinity'::timestamptz";

/**
 * The units each batch covered for each measure as they stood at an instant: the batch was loaded,
 * published by then and not yet withdrawn, and no load that superseded the unit was published (and
 * stood) by then. Publication, not loading, dates a batch: history backfilled today keeps its days.
 * Parameters: $1 measures, $2 first day, $3 last day.
 */
export function liveCoverageSql(schema: string, asPublishedOn?: Date): string {
  const at = readingInstant(asPublishedOn);
  return `
    SELECT c.force_id AS "forceId", c.measure, c.batch_id AS "batchId", c.period_start AS "periodStart", c.period_end AS "periodEnd", sm.precedence
    FROM "${schema}".batch_coverage c
    JOIN "${schema}".import_batch b ON b.id = c.batch_id
    JOIN "${schema}".source_measure sm ON sm.kind = b.kind AND sm.measure = c.measure
    LEFT JOIN "${schema}".import_batch s ON s.id = c.superseded_by_batch_id
    WHERE c.measure = ANY($1::text[]) AND c.period_end >= $2::date AND c.period_start <= $3::date
      AND b.finished_at IS NOT NULL AND b.published_at < ${at} AND (b.withdrawn_at IS NULL OR b.withdrawn_at >= ${at})
      AND NOT (s.id IS NOT NULL AND s.finished_at IS NOT NULL AND s.published_at < ${at} AND (s.withdrawn_at IS NULL OR s.withdrawn_at >= ${at}))`;
}

type QueryRaw = { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> };

/** Live coverage units for the measures over a period, grouped by measure and then force. */
export async function loadCoverage(
  prisma: QueryRaw,
  schema: string,
  measures: string[],
  period: Period,
): Promise<Map<string, Map<string, CoverageUnit[]>>> {
  const units = await prisma.$queryRawUnsafe<CoverageUnit[]>(
    liveCoverageSql(schema, period.asPublishedOn),
    measures,
    period.from,
    period.to,
  );
  const byMeasure = new Map<string, Map<string, CoverageUnit[]>>(measures.map((measure) => [measure, new Map()]));
  for (const unit of units) {
    const byForce = byMeasure.get(unit.measure)!;
    byForce.set(unit.forceId, [...(byForce.get(unit.forceId) ?? []), unit]);
  }
  return byMeasure;
}

/** Key of a batch's unit, for matching fact rows to the units tiling chose. */
export const unitKey = (batchId: number, forceId: string, periodStart: Date) => `${batchId}|${forceId}|${periodStart.getTime()}`;
