import type { SubgraphName } from "../../../shared/config.ts";
import type { SqlClient } from "../database/open.ts";
import type { ForceResolver } from "./force-resolver.ts";
import type { ReplaceRule } from "./replace-scopes.ts";
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
  /** Deletes rows of earlier batches in these scopes; returns the ids of the batches that lost rows. */
  replaceScopes(sql: SqlClient, scopes: string[], batchId: number, kind: string): Promise<number[]>;
  /** Which earlier batches a load supersedes; with it, each load records what it covers (force × unit × the measures its kind gives). */
  replaceRule?: ReplaceRule;
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
