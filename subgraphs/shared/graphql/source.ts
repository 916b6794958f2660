import { DateTimeResolver } from "graphql-scalars";
import { LocalDate } from "./scalars.ts";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { PrismaLike } from "../subgraph.ts";
import { withinMemo, type RequestMemo } from "./request-memo.ts";

@ObjectType({ description: "Where figures come from: one import batch, a published file loaded or the synthetic sample." })
@Directive("@shareable")
export class Source {
  @Field(() => ID, { description: "The import batch." })
  batchId!: string;

  @Field(() => String, { description: "Kind of file, e.g. `police-uk-street`, `ho-workforce`, or `sample`." })
  kind!: string;

  @Field(() => String, { description: "Name of the file loaded." })
  file!: string;

  @Field(() => DateTimeResolver, { description: "When the load finished." })
  importedAt!: Date;

  @Field(() => Boolean, { description: "True for the generated sample: not published data." })
  synthetic!: boolean;

  @Field(() => LocalDate, { description: "The day the figures were published (UK date): what `asPublishedOn` dates the batch by." })
  publishedOn!: Date;

  @Field(() => String, {
    description:
      "Where publishedOn comes from: `file` (the file says), `option` (given when it was imported) or `load date` (neither said: the day the hub loaded it).",
  })
  publishedOnSource!: string;
}

type BatchRow = {
  id: number;
  kind: string;
  file_name: string;
  finished_at: Date | null;
  started_at: Date;
  synthetic: boolean;
  published_on: Date;
  published_on_source: string;
};

/**
 * Sources per force for a parameter (a period, a date): `batchIdsSql` returns each force's batch ids
 * (columns forceId, batchIds) for its parameters; batches are read once per request.
 */
export function createSourceLoader(prisma: PrismaLike, dataMemo: RequestMemo, schema: string) {
  const memo = withinMemo(dataMemo, "sources");
  const ofBatches = createBatchSources(prisma, dataMemo, schema);
  return async (key: string, batchIdsSql: string, params: unknown[], forceId: string): Promise<Source[]> => {
    const byForce = await memo(`sources|${key}`, async () => {
      const rows = await prisma.$queryRawUnsafe<{ forceId: string; batchIds: number[] }[]>(batchIdsSql, ...params);
      return new Map(rows.map((row) => [row.forceId, row.batchIds]));
    });
    return ofBatches(byForce.get(forceId) ?? []);
  };
}

/** The sources of given batches (e.g. the units a figure was tiled from), in batch order; batches are read once per data version. */
export function createBatchSources(prisma: PrismaLike, dataMemo: RequestMemo, schema: string) {
  const memo = withinMemo(dataMemo, "sources");
  const batches = () =>
    memo("batches", async () => {
      const rows = await prisma.$queryRawUnsafe<BatchRow[]>(
        `SELECT id, kind, file_name, started_at, finished_at, synthetic, published_on, published_on_source FROM "${schema}".import_batch`,
      );
      return new Map(rows.map((row) => [row.id, row]));
    });
  return async (batchIds: readonly number[]): Promise<Source[]> => {
    const known = await batches();
    return [...new Set(batchIds)]
      .sort((a, b) => a - b)
      .map((id) => known.get(id))
      .filter((batch): batch is BatchRow => batch !== undefined)
      .map((batch) => ({
        batchId: String(batch.id),
        kind: batch.kind,
        file: batch.file_name,
        importedAt: batch.finished_at ?? batch.started_at,
        synthetic: batch.synthetic,
        publishedOn: batch.published_on,
        publishedOnSource: batch.published_on_source,
      }));
  };
}
