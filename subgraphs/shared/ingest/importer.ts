import type { SubgraphName } from "../../../shared/config.ts";
import type { SqlClient } from "../database/open.ts";
import type { ForceResolver } from "./force-resolver.ts";
import { replaceForcePeriodScopes, type ReplacedTable } from "./replace-scopes.ts";
import type { RowError } from "./row-error.ts";
import type { StagingTarget } from "./staged-rows.ts";
import type { PlausibilityCheck } from "./plausibility.ts";
import type { ReadOptions, ReadProgress, SourceRecord } from "./source-records.ts";

/** What a parsed record became: a row to load, the errors that stop it, or nothing (a row the kind leaves out on purpose). */
export type ParsedRecord<Row> = { row: Row } | { errors: RowError[] } | { skip: string };

/** Takes a file's valid rows chunk by chunk; `finish` runs once all are in (e.g. to write totals). */
export interface ImportWriter<Row> {
  write(rows: Row[]): Promise<void>;
  finish(): Promise<void>;
}

/** A writer that writes each chunk as it comes. */
export const chunkWriter = <Row>(write: (rows: Row[]) => Promise<unknown>): ImportWriter<Row> => ({
  write: async (rows) => {
    await write(rows);
  },
  finish: async () => undefined,
});

/**
 * The table a kind's rows go to, declared once by its importer: replacing a load's scopes,
 * recording what it covers and withdrawing it are all built from this. `replace` says which
 * earlier batches a load supersedes (and with it each load records its coverage); without it the
 * importer keys its rows otherwise and replaces them itself (`Importer.replaceScopes`).
 */
export type ImporterTable = Omit<ReplacedTable, "replace"> & Partial<Pick<ReplacedTable, "replace">>;

/** One kind of file the hub loads: how to read it, check each record, and write and replace its rows. */
export interface Importer<Row, Lookup = undefined> {
  kind: string;
  subgraph: SubgraphName;
  description: string;
  /** Whether a file found in a folder is of this kind. */
  matches: (fileName: string) => boolean;
  /** The file's records in batches, so a million rows cost a few hundred awaits, not a million. */
  read(file: string, progress: ReadProgress, options?: ReadOptions): AsyncIterable<SourceRecord[]>;
  /** The day the file says it was published (e.g. a workbook's "Last updated"), when it says. */
  publishedOn?(file: string, options: ReadOptions): Date | undefined;
  /** Reference data the checks need (e.g. a mapping table), read once per file. */
  prepare?(sql: SqlClient): Promise<Lookup>;
  parse(fields: Record<string, unknown>, context: { file: string; line: number; forces: ForceResolver; lookup: Lookup }): ParsedRecord<Row>;
  /** Checks across rows, once every record is read (e.g. a unit whose rows net to a negative count): each error rejects the file like a bad row. */
  checkFile?(lookup: Lookup, file: string): RowError[];
  /** The force × unit of time a row belongs to (`scope.ts`): a later file for the same scope replaces the earlier rows. */
  scopeOf(row: Row): string;
  table: ImporterTable;
  /** Rows keyed otherwise than by force and unit start: deletes those of earlier batches in these scopes, returning the batches that lost rows. */
  replaceScopes?(sql: SqlClient, scopes: string[], batchId: number): Promise<number[]>;
  /** The units a file covers, from its rows' scopes (default: those scopes); e.g. every month a case-level file spans. */
  coverageOf?(scopes: string[]): string[];
  /** Monthly kinds: the count each force-month is checked on, so a partial month loads flagged, not unremarked. */
  plausibility?: PlausibilityCheck;
  /** The one table this kind's rows go to as they are, when so: the rows can then be staged outside the transaction (ImportOptions.stageRows). */
  staging?: StagingTarget<Row>;
  /** Starts writing one file's rows in its transaction. */
  open(sql: SqlClient, batchId: number): ImportWriter<Row>;
  /** Work after the rows are in, in the same transaction (e.g. refreshing pre-aggregates for the scopes). */
  afterLoad?(sql: SqlClient, scopes: string[]): Promise<void>;
}

/** Deletes rows of earlier batches in these scopes, by the importer's own rule or its table's; returns the ids of the batches that lost rows. */
export function replaceScopes<Row, Lookup>(
  importer: Importer<Row, Lookup>,
  sql: SqlClient,
  scopes: string[],
  batchId: number,
): Promise<number[]> {
  if (importer.replaceScopes) return importer.replaceScopes(sql, scopes, batchId);
  const { table } = importer;
  if (!table.replace) throw new Error(`the ${importer.kind} importer's table ${table.table} has no replacement rule and no replaceScopes`);
  return replaceForcePeriodScopes(sql, { ...table, replace: table.replace }, scopes, batchId, importer.kind);
}
