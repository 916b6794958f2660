import type { SubgraphName } from "../../../shared/config.ts";
import type { SqlClient } from "../database/open.ts";
import { PUBLICATION_COLUMNS, PUBLISHED_NOW, publicationValues, type Publication } from "./publication.ts";

/**
 * The import_batch bookkeeping, in one place: a batch is opened LOADING, finished LOADED, marked
 * SUPERSEDED by a later load (and back), or WITHDRAWN by a withdrawal batch. Every statement takes
 * the subgraph's schema; those that change batches run in the caller's transaction.
 */

/** How many batches the schema holds, of any kind or status. */
export async function countBatches(sql: SqlClient, schema: string): Promise<number> {
  return (await heldBatches(sql, schema)).batches;
}

/** Whether the schema holds any batch, and whether the synthetic sample stands among them. */
export async function heldBatches(sql: SqlClient, schema: string): Promise<{ batches: number; sample: boolean }> {
  const [held] = await sql.query<{ batches: number; sample: boolean }>(
    `SELECT count(*)::int AS batches, COALESCE(bool_or(synthetic AND withdrawn_at IS NULL), false) AS sample FROM "${schema}".import_batch`,
  );
  return held;
}

/** The synthetic sample's batches still standing, oldest first. */
export async function standingSampleBatches(sql: SqlClient, schema: string): Promise<number[]> {
  const rows = await sql.query<{ id: number }>(
    `SELECT id FROM "${schema}".import_batch WHERE synthetic AND withdrawn_at IS NULL AND finished_at IS NOT NULL ORDER BY id`,
  );
  return rows.map((row) => row.id);
}

/** The batch that already loaded this file (same kind and digest) and still stands or was superseded, if any. */
export async function batchWithDigest(sql: SqlClient, schema: string, kind: string, digest: string): Promise<number | undefined> {
  const [earlier] = await sql.query<{ id: number }>(
    `SELECT id FROM "${schema}".import_batch WHERE kind = $1 AND sha256 = $2 AND status IN ('LOADED', 'SUPERSEDED') ORDER BY id LIMIT 1`,
    [kind, digest],
  );
  return earlier?.id;
}

/** A file's batch, LOADING until `finishBatch`; gives its id and the publication day the database recorded. */
export async function openFileBatch(
  tx: SqlClient,
  schema: string,
  file: { kind: string; name: string; digest: string; publication: Publication },
): Promise<{ id: number; publishedOn: Date }> {
  const [{ id, published_on }] = await tx.query<{ id: number; published_on: Date }>(
    `INSERT INTO "${schema}".import_batch (kind, file_name, sha256, status, ${PUBLICATION_COLUMNS}) VALUES ($1, $2, $3, 'LOADING', ${publicationValues(4)}) RETURNING id, published_on`,
    [file.kind, file.name, file.digest, file.publication.day, file.publication.source],
  );
  return { id, publishedOn: published_on };
}

/** The synthetic sample's batch, published as it is made; LOADING until `finishBatch`. */
export async function openSampleBatch(tx: SqlClient, schema: string): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `INSERT INTO "${schema}".import_batch (kind, file_name, sha256, synthetic, status, ${PUBLICATION_COLUMNS})
     VALUES ('sample', 'synthetic sample data (generated, fixed seed)', '', true, 'LOADING', ${PUBLISHED_NOW}) RETURNING id`,
  );
  return id;
}

export interface BatchCounts {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** The rows refused (loads with skipInvalid), kept with the batch. */
  rejections?: unknown[];
}

export async function finishBatch(tx: SqlClient, schema: string, batchId: number, counts: BatchCounts): Promise<void> {
  await tx.query(
    `UPDATE "${schema}".import_batch SET status = 'LOADED', rows_read = $2, rows_loaded = $3, rows_rejected = $4, finished_at = now(), rejections = $5::jsonb WHERE id = $1`,
    [
      batchId,
      counts.rowsRead,
      counts.rowsLoaded,
      counts.rowsRejected,
      counts.rejections?.length ? JSON.stringify(counts.rejections) : null,
    ],
  );
}

/** Batches that lost their rows to a load keyed otherwise than by coverage: superseded whole. */
export async function markSuperseded(tx: SqlClient, schema: string, batchIds: number[], byBatchId: number): Promise<void> {
  await tx.query(`UPDATE "${schema}".import_batch SET status = 'SUPERSEDED', superseded_by_batch_id = $1 WHERE id = ANY($2::int[])`, [
    byBatchId,
    batchIds,
  ]);
}

/** Batches among these with no live unit left become SUPERSEDED; one still answering somewhere stays LOADED. */
export async function markFullySuperseded(tx: SqlClient, schema: string, batchIds: number[], byBatchId: number): Promise<void> {
  await tx.query(
    `UPDATE "${schema}".import_batch b SET status = 'SUPERSEDED', superseded_by_batch_id = $1
     WHERE b.id = ANY($2::int[]) AND NOT EXISTS (SELECT 1 FROM "${schema}".batch_coverage c WHERE c.batch_id = b.id AND c.superseded_by_batch_id IS NULL)`,
    [byBatchId, batchIds],
  );
}

/** Batches superseded by this one stand again (it was withdrawn, or yielded to them); returns their ids. */
export async function unsupersede(tx: SqlClient, schema: string, byBatchId: number, onlyBatchId?: number): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    `UPDATE "${schema}".import_batch SET status = 'LOADED', superseded_by_batch_id = NULL
     WHERE superseded_by_batch_id = $1 AND ($2::int IS NULL OR id = $2) RETURNING id`,
    [byBatchId, onlyBatchId ?? null],
  );
  return rows.map((row) => row.id);
}

export type WithdrawableBatch = { id: number; kind: string; file_name: string };

/** A finished batch that can be withdrawn, locked for the withdrawal; a clear error otherwise. */
export async function batchToWithdraw(tx: SqlClient, schema: string, subgraph: SubgraphName, batchId: number): Promise<WithdrawableBatch> {
  const [batch] = await tx.query<WithdrawableBatch & { finished_at: Date | null; withdrawn_at: Date | null }>(
    `SELECT id, kind, file_name, finished_at, withdrawn_at FROM "${schema}".import_batch WHERE id = $1 AND kind <> 'withdrawal' FOR UPDATE`,
    [batchId],
  );
  if (!batch) throw new Error(`no batch ${subgraph}:${batchId} (see hub batches)`);
  if (batch.withdrawn_at) throw new Error(`batch ${subgraph}:${batchId} was already withdrawn at ${batch.withdrawn_at.toISOString()}`);
  if (!batch.finished_at) throw new Error(`batch ${subgraph}:${batchId} is still loading`);
  return batch;
}

/** The withdrawal's own batch, finished as it is made; returns its id. */
export async function openWithdrawal(tx: SqlClient, schema: string, batch: WithdrawableBatch): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `INSERT INTO "${schema}".import_batch (kind, file_name, sha256, status, finished_at, ${PUBLICATION_COLUMNS}) VALUES ('withdrawal', $1, '', 'WITHDRAWAL', now(), ${PUBLISHED_NOW}) RETURNING id`,
    [`withdrawal of batch ${batch.id} (${batch.file_name})`],
  );
  return id;
}

/** The batch WITHDRAWN as of its withdrawal's time. */
export async function markWithdrawn(tx: SqlClient, schema: string, batchId: number, withdrawalId: number): Promise<void> {
  await tx.query(
    `UPDATE "${schema}".import_batch SET status = 'WITHDRAWN', withdrawn_at = (SELECT finished_at FROM "${schema}".import_batch WHERE id = $2) WHERE id = $1`,
    [batchId, withdrawalId],
  );
}
