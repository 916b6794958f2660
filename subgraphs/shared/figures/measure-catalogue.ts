import { liveCoverageSql } from "../coverage/live-coverage.ts";
import { isoDay, type Period } from "../graphql/period.ts";
import type { MeasureDefinition } from "../measures/measure-types.ts";
import type { PrismaLike } from "../subgraph.ts";
import type { MeasureCatalogueEntry } from "./figure-types.ts";

const ALL_TIME: Period = { from: new Date("0001-01-01T00:00:00Z"), to: new Date("9999-12-31T00:00:00Z") };

/** The snapshot days within a span that some force's live sources give the source measures at. */
export async function snapshotDays(prisma: PrismaLike, schema: string, sourceMeasures: string[], span: Period): Promise<Date[]> {
  const rows = await prisma.$queryRawUnsafe<{ day: Date }[]>(
    `SELECT DISTINCT live."periodEnd" AS day FROM (${liveCoverageSql(schema, span.asPublishedOn)}) live ORDER BY 1`,
    sourceMeasures,
    isoDay(span.from),
    isoDay(span.to),
  );
  return rows.map((row) => row.day);
}

/**
 * A measure's catalogue entry: its definition, the kinds of file able to give it and the days its
 * loaded data covers (live coverage of the source measures it is formed from, as tables read them).
 */
export async function catalogueEntry(
  prisma: PrismaLike,
  schema: string,
  measure: MeasureDefinition,
  sourceMeasures: string[],
  snapshot: boolean,
): Promise<MeasureCatalogueEntry> {
  const [[span], kinds, snapshots] = await Promise.all([
    prisma.$queryRawUnsafe<{ firstDay: Date | null; lastDay: Date | null }[]>(
      `SELECT min(live."periodStart") AS "firstDay", max(live."periodEnd") AS "lastDay" FROM (${liveCoverageSql(schema)}) live`,
      sourceMeasures,
      isoDay(ALL_TIME.from),
      isoDay(ALL_TIME.to),
    ),
    prisma.$queryRawUnsafe<{ kind: string }[]>(
      `SELECT DISTINCT kind FROM "${schema}".source_measure WHERE measure = ANY($1::text[]) ORDER BY kind`,
      sourceMeasures,
    ),
    snapshot ? snapshotDays(prisma, schema, sourceMeasures, ALL_TIME) : [],
  ]);
  const { name, unit, precision, direction, groupValue, definition } = measure;
  return {
    name,
    unit,
    precision,
    direction,
    groupValue,
    definition,
    snapshot,
    sourceKinds: kinds.map((row) => row.kind),
    periods: { firstDay: span.firstDay, lastDay: span.lastDay, snapshotDates: snapshots },
  };
}
