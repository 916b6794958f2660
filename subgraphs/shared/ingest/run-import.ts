import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import type { SqlClient } from "../database/open.ts";
import { postgresSchema } from "../database/migrations.ts";
import type { ForceResolver } from "./force-resolver.ts";
import { batchWithDigest, finishBatch, markFullySuperseded, markSuperseded, openFileBatch } from "./batches.ts";
import { laterPublicationsSuperseded, recordCoverage, reinstate } from "./coverage-records.ts";
import { beginDataChange } from "./data-change.ts";
import { replaceScopes, type Importer } from "./importer.ts";
import type { ReplaceRule } from "./replace-scopes.ts";
import { bodyOutsideTheForcesOfFile } from "../reference/outside-bodies.ts";
import { readableError, type RowError } from "./row-error.ts";
import { createRowSpill, type RowSpill } from "./row-spill.ts";
import { stageRows, type StagedRows } from "./staged-rows.ts";
import { isoDay } from "../graphql/period.ts";
import { implausibleMonths, type MonthlyTotal, type PlausibilityCheck } from "./plausibility.ts";
import { publicationOf, type Publication, type PublicationSource } from "./publication.ts";

/** Where a long import is: reading and checking the file, then writing its checked rows in the transaction. */
export type ImportProgress =
  | { phase: "checking"; rowsRead: number; bytesRead: number; totalBytes: number }
  | { phase: "staging"; rowsStaged: number; rowsToStage: number }
  | { phase: "writing"; rowsWritten: number; rowsToWrite: number };

export interface ImportOptions {
  /** Load the valid rows and record the rejected ones with the batch, instead of loading nothing. */
  skipInvalid?: boolean;
  onProgress?(progress: ImportProgress): void;
  /**
   * Stage the checked rows in a table of their own before the transaction, a statement per chunk, and
   * move them in with one INSERT … SELECT (importers with `staging`): on the embedded database, where
   * every query waits for an open transaction, the transaction is then shorter.
   */
  stageRows?: boolean;
  /** When the file was published (`hub import --published-on`), where the file itself does not say. */
  publishedOn?: Date;
  /** The sheet of a workbook to read (`hub import --sheet`); by default the one each kind recognises. */
  sheet?: string;
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
  /** Force-months of this file whose counts are implausibly low (possibly partial submissions): loaded, and flagged. */
  qualityWarnings: string[];
  /** Later publications of the kind that keep some of this file's units (an older file loaded after its revision). */
  supersededByLaterPublications: number[];
  /** The day the figures were published (YYYY-MM-DD, UK), and where that comes from. */
  publishedOn: string | null;
  publishedOnSource: PublicationSource | null;
  durationMs: number;
}

const CHUNK_ROWS = 10_000;

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

class AlreadyLoaded extends Error {
  constructor(readonly batchId: number) {
    super(`already loaded as batch ${batchId}`);
  }
}

/**
 * Loads one file as one batch in one transaction: every row is checked, a file with any invalid row
 * loads nothing (unless skipInvalid), the same file twice is a no-op, and a later file for the same
 * force and period replaces the earlier rows and marks the earlier batch superseded. The file is read
 * and checked before the transaction opens, its rows kept aside (row-spill.ts): the transaction only
 * writes them, so the database is held for the writing alone (on the embedded database, where
 * every connection takes turns on one session, that is how long queries wait).
 */
export async function runImport<Row, Lookup>(
  importer: Importer<Row, Lookup>,
  file: string,
  sql: SqlClient,
  forces: ForceResolver,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const started = performance.now();
  const schema = postgresSchema(importer.subgraph);
  const name = basename(file);
  const result: ImportResult = {
    file,
    kind: importer.kind,
    status: "LOADED",
    batchId: null,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsSkipped: 0,
    skipped: {},
    errors: [],
    supersededBatchIds: [],
    supersededByLaterPublications: [],
    qualityWarnings: [],
    publishedOn: null,
    publishedOnSource: null,
    durationMs: 0,
  };
  const finished = (status: ImportResult["status"], changes: Partial<ImportResult> = {}) => ({
    ...result,
    status,
    ...changes,
    durationMs: performance.now() - started,
  });
  const outsideBody = bodyOutsideTheForcesOfFile(name);
  if (outsideBody) return finished("SKIPPED", { skippedBecause: `${outsideBody}: not one of the 43 territorial forces` });
  // A workbook read at another sheet is another load.
  const digest = options.sheet
    ? createHash("sha256")
        .update(`${await sha256(file)}\nsheet ${options.sheet.trim().toLowerCase()}`)
        .digest("hex")
    : await sha256(file);
  const earlier = await batchWithDigest(sql, schema, importer.kind, digest);
  if (earlier) return finished("ALREADY_LOADED", { batchId: earlier });
  const totalBytes = statSync(file).size;
  const rows = await createRowSpill<Row>();
  try {
    const publication = publicationOf(filePublicationDay(importer, file, options), options.publishedOn);
    Object.assign(result, { publishedOn: publication.day, publishedOnSource: publication.source });
    await checkRows(importer, file, { name, forces, lookup: (await importer.prepare?.(sql)) as Lookup, totalBytes }, rows, result, options);
    options.onProgress?.({ phase: "checking", rowsRead: result.rowsRead, bytesRead: totalBytes, totalBytes });
    if (result.rowsRejected > 0 && !options.skipInvalid) return finished("REJECTED", { rowsLoaded: 0 });
    const written = (rowsWritten: number) => options.onProgress?.({ phase: "writing", rowsWritten, rowsToWrite: rows.rowCount });
    const staging = options.stageRows ? importer.staging : undefined;
    const staged = staging
      ? await stageRows(
          sql,
          staging,
          rows,
          (row) => importer.scopeOf(row),
          (rowsStaged) => options.onProgress?.({ phase: "staging", rowsStaged, rowsToStage: rows.rowCount }),
        )
      : undefined;
    try {
      const units = await sql.transaction((tx) =>
        writeBatch(importer, tx, { schema, name, digest, publication }, { rows, staged }, result, written),
      );
      if (importer.plausibility) result.qualityWarnings = await implausibleUnits(sql, importer.plausibility, units);
    } finally {
      if (staged) await staged.drop();
    }
  } catch (error) {
    if (error instanceof AlreadyLoaded) return finished("ALREADY_LOADED", { batchId: error.batchId });
    throw error;
  } finally {
    await rows.remove();
  }
  return finished("LOADED");
}

/** The day the file says it was published; none when it cannot be read (reading it then reports why). */
function filePublicationDay<Row, Lookup>(importer: Importer<Row, Lookup>, file: string, options: ImportOptions): Date | undefined {
  try {
    return importer.publishedOn?.(file, { sheet: options.sheet });
  } catch {
    return undefined;
  }
}

/** The checked rows chunk by chunk through the importer's writer, each chunk's scopes replaced before it is written. */
async function writeChunks<Row, Lookup>(
  importer: Importer<Row, Lookup>,
  tx: SqlClient,
  rows: RowSpill<Row>,
  batchId: number,
  wrote: (rows: number) => void,
) {
  const writer = importer.open(tx, batchId);
  const scopes = new Set<string>();
  const superseded = new Set<number>();
  for await (const chunk of rows.chunks()) {
    const fresh = [...new Set(chunk.map((row) => importer.scopeOf(row)))].filter((scope) => !scopes.has(scope));
    fresh.forEach((scope) => scopes.add(scope));
    if (fresh.length) (await replaceScopes(importer, tx, fresh, batchId)).forEach((id) => superseded.add(id));
    await writer.write(chunk);
    wrote(chunk.length);
  }
  await writer.finish();
  return { scopes, superseded };
}

/** The staged rows' scopes replaced, then the rows moved in, in one statement each. */
async function moveStaged<Row, Lookup>(
  importer: Importer<Row, Lookup>,
  tx: SqlClient,
  staged: StagedRows,
  batchId: number,
  wrote: (rows: number) => void,
) {
  const superseded = new Set(staged.scopes.size ? await replaceScopes(importer, tx, [...staged.scopes], batchId) : []);
  await staged.moveInto(tx, batchId);
  wrote(staged.rowCount);
  return { scopes: staged.scopes, superseded };
}

/** Reads and checks every record, outside any transaction; the valid rows go to `rows` in chunks (none once a row is invalid, unless skipInvalid). */
async function checkRows<Row, Lookup>(
  importer: Importer<Row, Lookup>,
  file: string,
  context: { name: string; forces: ForceResolver; lookup: Lookup; totalBytes: number },
  rows: RowSpill<Row>,
  result: ImportResult,
  options: ImportOptions,
) {
  const progress = { bytesRead: 0 };
  let pending: Row[] = [];
  for await (const records of importer.read(file, progress, { sheet: options.sheet })) {
    for (const record of records) {
      result.rowsRead++;
      if (options.failAfterRows !== undefined && result.rowsRead > options.failAfterRows)
        throw new Error(`injected failure after ${options.failAfterRows} rows`);
      const parsed =
        "error" in record
          ? { errors: [record.error] }
          : importer.parse(record.fields, { file: context.name, line: record.line, forces: context.forces, lookup: context.lookup });
      if ("row" in parsed) pending.push(parsed.row);
      else if ("skip" in parsed) {
        result.rowsSkipped++;
        result.skipped[parsed.skip] = (result.skipped[parsed.skip] ?? 0) + 1;
      } else {
        result.rowsRejected++;
        result.errors.push(...parsed.errors.map(readableError));
      }
    }
    // Invalid rows mean nothing will be loaded: keep checking, keep no rows.
    if (!options.skipInvalid && result.rowsRejected > 0) pending = [];
    else if (pending.length >= CHUNK_ROWS) {
      await rows.append(pending);
      pending = [];
    }
    options.onProgress?.({ phase: "checking", rowsRead: result.rowsRead, bytesRead: progress.bytesRead, totalBytes: context.totalBytes });
  }
  const acrossRows = (importer.checkFile?.(context.lookup, context.name) ?? []).map(readableError);
  result.rowsRejected += acrossRows.length;
  result.errors.push(...acrossRows);
  if (pending.length && (options.skipInvalid || result.rowsRejected === 0)) await rows.append(pending);
}

/** The transaction: the batch, its checked rows, the earlier rows they replace and its coverage. */
async function writeBatch<Row, Lookup>(
  importer: Importer<Row, Lookup>,
  tx: SqlClient,
  file: { schema: string; name: string; digest: string; publication: Publication },
  checked: { rows: RowSpill<Row>; staged?: StagedRows },
  result: ImportResult,
  written: (rowsWritten: number) => void,
) {
  const { schema } = file;
  await beginDataChange(tx, schema);
  // Checked again under the lock: the same file may have been loaded beside this one meanwhile.
  const earlier = await batchWithDigest(tx, schema, importer.kind, file.digest);
  if (earlier) throw new AlreadyLoaded(earlier);
  const { id: batchId, publishedOn } = await openFileBatch(tx, schema, { ...file, kind: importer.kind });
  result.batchId = batchId;
  result.publishedOn = isoDay(publishedOn);
  written(0);
  const wrote = (rows: number) => {
    result.rowsLoaded += rows;
    written(result.rowsLoaded);
  };
  const { scopes, superseded } = checked.staged
    ? await moveStaged(importer, tx, checked.staged, batchId, wrote)
    : await writeChunks(importer, tx, checked.rows, batchId, wrote);
  const units = importer.coverageOf ? importer.coverageOf([...scopes]) : [...scopes];
  const spanned = units.filter((unit) => !scopes.has(unit));
  if (spanned.length) (await replaceScopes(importer, tx, spanned, batchId)).forEach((id) => superseded.add(id));
  const rule = importer.table.replace;
  if (rule) (await recordCoverage(tx, schema, batchId, importer.kind, units, rule)).forEach((id) => superseded.add(id));
  superseded.delete(batchId);
  result.supersededBatchIds = [...superseded].sort((a, b) => a - b);
  await (rule ? markFullySuperseded : markSuperseded)(tx, schema, result.supersededBatchIds, batchId);
  await finishBatch(tx, schema, batchId, { ...result, rejections: result.errors });
  if (rule) {
    result.supersededByLaterPublications = await yieldToLaterPublications(importer, rule, tx, schema, batchId);
    result.supersededBatchIds = result.supersededBatchIds.filter((id) => !result.supersededByLaterPublications.includes(id));
  }
  await importer.afterLoad?.(tx, units);
  return units;
}

/** Notes on the loaded force-months whose counts are implausibly low against the data as it now stands. */
async function implausibleUnits(sql: SqlClient, check: PlausibilityCheck, units: string[]): Promise<string[]> {
  const loaded = new Set(units.map((unit) => unit.split("|").slice(0, 2).join("|")));
  const flagged = implausibleMonths(await sql.query<MonthlyTotal>(check.monthlyTotalsSql), check.measure);
  return flagged.filter((month) => loaded.has(`${month.forceId}|${month.month}`)).map((month) => month.note);
}

/**
 * An older publication loaded after its revision: in the units a later publication of the kind held,
 * the later one keeps them (its rows and coverage reinstated) and this batch's rows there are kept
 * aside as it was published, answerable "as published on" its own days. Returns the later batches.
 */
async function yieldToLaterPublications<Row, Lookup>(
  importer: Importer<Row, Lookup>,
  rule: ReplaceRule,
  tx: SqlClient,
  schema: string,
  batchId: number,
): Promise<number[]> {
  const later = await laterPublicationsSuperseded(tx, schema, batchId, importer.kind);
  for (const { batchId: laterId, units } of later) {
    await replaceScopes(importer, tx, units, laterId);
    await reinstate(tx, schema, laterId, batchId);
    await recordCoverage(tx, schema, laterId, importer.kind, units, rule);
    await markFullySuperseded(tx, schema, [batchId], laterId);
  }
  return later.map((publication) => publication.batchId);
}
