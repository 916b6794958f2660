import type { SubgraphName } from "../../../shared/config.ts";
import type { SqlClient } from "../database/open.ts";
import { postgresSchema } from "../database/migrations.ts";
import { beginDataChange } from "../ingest/data-change.ts";
import { parseScope } from "../ingest/scope.ts";
import { countBatches, finishBatch, openSampleBatch } from "../ingest/batches.ts";
import type { SampleCoverage } from "./sample-coverage.ts";

export interface SampleOptions {
  /** Multiplies the number of sample incidents (1 = the default start; 100 ≈ 10 million incidents). */
  scale?: number;
  /** Told of each step of a long load. */
  progress?: (message: string) => void;
}

/**
 * A fresh database gets the synthetic sample in one transaction, recorded as a batch
 * marked synthetic, so a figure from it can always be told apart from published data, with
 * what it covers (force × unit × measure) as any load records it.
 */
export async function seedIfEmpty(
  name: SubgraphName,
  sql: SqlClient,
  seed: (sql: SqlClient, batchId: number) => Promise<number>,
  coverage: SampleCoverage[] = [],
): Promise<boolean> {
  const schema = postgresSchema(name);
  if ((await countBatches(sql, schema)) > 0) return false;
  return sql.transaction(async (tx) => {
    // Two processes starting on one new database: the second waits, then finds the sample there.
    await beginDataChange(tx, schema);
    if ((await countBatches(tx, schema)) > 0) return false;
    const id = await openSampleBatch(tx, schema);
    const rows = await seed(tx, id);
    for (const { measures, scopes } of coverage) {
      const units = scopes.map(parseScope);
      await tx.query(
        `INSERT INTO "${schema}".batch_coverage (batch_id, force_id, measure, period_start, period_end)
         SELECT $1, u.force_id, m.measure, u.period_start, u.period_end
         FROM unnest($2::text[], $3::date[], $4::date[]) AS u(force_id, period_start, period_end) CROSS JOIN unnest($5::text[]) AS m(measure)`,
        [id, units.map((unit) => unit.forceId), units.map((unit) => unit.start), units.map((unit) => unit.end), measures],
      );
    }
    await finishBatch(tx, schema, id, { rowsRead: rows, rowsLoaded: rows, rowsRejected: 0 });
    return true;
  });
}
