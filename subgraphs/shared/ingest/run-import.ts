import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import type { SqlClient } from "../database/open.ts";
import { postgresSchema } from "../database/migrations.ts";
import type { ForceResolver } from "./force-resolver.ts";
import { markFullySuperseded, recordCoverage } from "./coverage-records.ts";
import { beginDataChange } from "./data-change.ts";
import type { Importer } from "./importer.ts";
import { bodyOutsideTheForcesOfFile } from "../reference/outside-bodies.ts";
import { readableError, type RowError } from "./row-error.ts";

export interface ImportOptions {
  /** Load the valid rows and record the rejected ones with the batch, instead of loading nothing. */
  skipInvalid?: boolean;
  onProgress?(progress: { rowsRead: number; bytesRead: number; totalBytes: number }): void;
  /** Tests only: fail after this many rows have been read, to show nothing is committed. */
  failAfterRows?: number;
}

export interface ImportResult {
  file: string;
  kind: string;
  status: "LOADED" | "ALREADY_LOADED" | "REJECTED" | "SKIPPED";
  /** Why a whole file was skipped (a file for a body outside the 43 forces). */
  skippedBecause?: string;
  batchId: number | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsSkipped: number;
  /** Skipped rows counted by reason, e.g. "British Transport Police: not one of the 43 territorial forces". */
  skipped: Record<string, number>;
  /** Every error when rejected; with --skip-invalid, the rejected rows. */
  errors: RowError[];
  supersededBatchIds: number[];
  durationMs: number;
}

const CHUNK_ROWS = 10_000;

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

class Rejected extends Error {}
class AlreadyLoaded extends Error {
  constructor(readonly batchId: number) {
    super(`already loaded as batch ${batchId}`);
  }
}

/**
 * Loads one file as one batch in one transaction: every row is checked, a file with any invalid row
 * loads nothing (unless skipInvalid), the same file twice is a no-op, and a later file for the same
 * force and period replaces the earlier rows and marks the earlier batch superseded.
 */
export async function runImport<Row, Lookup>(importer: Importer<Row, Lookup>, file: string, sql: SqlClient, forces: ForceResolver, options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const schema = postgresSchema(importer.subgraph);
  const name = basename(file);
  const result: ImportResult = {
    file, kind: importer.kind, status: "LOADED", batchId: null, rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, rowsSkipped: 0, skipped: {}, errors: [], supersededBatchIds: [], durationMs: 0,
  };
  const outsideBody = bodyOutsideTheForcesOfFile(name);
  if (outsideBody) return { ...result, status: "SKIPPED", skippedBecause: `${outsideBody}: not one of the 43 territorial forces`, durationMs: performance.now() - started };
  const digest = await sha256(file);

  const totalBytes = statSync(file).size;
  const progress = { bytesRead: 0 };
  try {
    await sql.transaction(async (tx) => {
      await beginDataChange(tx, schema);
      const [earlier] = await tx.query<{ id: number }>(
        `SELECT id FROM "${schema}".import_batch WHERE kind = $1 AND sha256 = $2 AND status IN ('LOADED', 'SUPERSEDED') ORDER BY id LIMIT 1`,
        [importer.kind, digest],
      );
      if (earlier) throw new AlreadyLoaded(earlier.id);
      const [{ id: batchId }] = await tx.query<{ id: number }>(
        `INSERT INTO "${schema}".import_batch (kind, file_name, sha256, status) VALUES ($1, $2, $3, 'LOADING') RETURNING id`,
        [importer.kind, name, digest],
      );
      result.batchId = batchId;
      const lookup = (await importer.prepare?.(tx)) as Lookup;
      const writer = importer.open(tx, batchId);
      const scopes = new Set<string>();
      const superseded = new Set<number>();
      let pending: Row[] = [];
      const flush = async () => {
        const fresh = [...new Set(pending.map((row) => importer.scopeOf(row)))].filter((scope) => !scopes.has(scope));
        fresh.forEach((scope) => scopes.add(scope));
        if (fresh.length) (await importer.replaceScopes(tx, fresh, batchId, importer.kind)).forEach((id) => superseded.add(id));
        await writer.write(pending);
        result.rowsLoaded += pending.length;
        pending = [];
      };
      for await (const records of importer.read(file, progress)) {
        for (const record of records) {
          result.rowsRead++;
          if (options.failAfterRows !== undefined && result.rowsRead > options.failAfterRows) throw new Error(`injected failure after ${options.failAfterRows} rows`);
          const parsed = "error" in record ? { errors: [record.error] } : importer.parse(record.fields, { file: name, line: record.line, forces, lookup });
          if ("row" in parsed) pending.push(parsed.row);
          else if ("skip" in parsed) {
            result.rowsSkipped++;
            result.skipped[parsed.skip] = (result.skipped[parsed.skip] ?? 0) + 1;
          } else {
            result.rowsRejected++;
            result.errors.push(...parsed.errors.map(readableError));
          }
        }
        // Invalid rows mean nothing will be committed: stop writing, keep checking.
        if (pending.length >= CHUNK_ROWS && (options.skipInvalid || result.rowsRejected === 0)) await flush();
        else if (!options.skipInvalid && result.rowsRejected > 0) pending = [];
        options.onProgress?.({ rowsRead: result.rowsRead, bytesRead: progress.bytesRead, totalBytes });
      }
      if (result.rowsRejected > 0 && !options.skipInvalid) throw new Rejected();
      if (pending.length) await flush();
      await writer.finish();
      const units = importer.coverageOf ? importer.coverageOf([...scopes]) : [...scopes];
      const spanned = units.filter((unit) => !scopes.has(unit));
      if (spanned.length) (await importer.replaceScopes(tx, spanned, batchId, importer.kind)).forEach((id) => superseded.add(id));
      await importer.afterLoad?.(tx, units);
      if (importer.replaceRule) (await recordCoverage(tx, schema, batchId, importer.kind, units, importer.replaceRule)).forEach((id) => superseded.add(id));
      superseded.delete(batchId);
      result.supersededBatchIds = [...superseded].sort((a, b) => a - b);
      if (importer.replaceRule) await markFullySuperseded(tx, schema, result.supersededBatchIds, batchId);
      else {
        await tx.query(
          `UPDATE "${schema}".import_batch SET status = 'SUPERSEDED', superseded_by_batch_id = $1 WHERE id = ANY($2::int[])`,
          [batchId, result.supersededBatchIds],
        );
      }
      await tx.query(
        `UPDATE "${schema}".import_batch SET status = 'LOADED', rows_read = $2, rows_loaded = $3, rows_rejected = $4, finished_at = now(), rejections = $5::jsonb WHERE id = $1`,
        [batchId, result.rowsRead, result.rowsLoaded, result.rowsRejected, result.errors.length ? JSON.stringify(result.errors) : null],
      );
    });
  } catch (error) {
    if (error instanceof AlreadyLoaded) return { ...result, status: "ALREADY_LOADED", batchId: error.batchId, durationMs: performance.now() - started };
    if (!(error instanceof Rejected)) throw error;
    Object.assign(result, { status: "REJECTED", batchId: null, rowsLoaded: 0 });
  }
  options.onProgress?.({ rowsRead: result.rowsRead, bytesRead: totalBytes, totalBytes });
  return { ...result, durationMs: performance.now() - started };
}
