import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { IMPORTERS } from "../../subgraphs/importers.ts";
import { seedSampleIfNew } from "../../subgraphs/index.ts";
import { readConfig } from "../../shared/config.ts";
import { loadForceResolver } from "../../subgraphs/shared/ingest/force-resolver.ts";
import { formatRowError } from "../../subgraphs/shared/ingest/row-error.ts";
import { runImport, type ImportProgress, type ImportResult } from "../../subgraphs/shared/ingest/run-import.ts";
import { parseArgs, UsageError } from "./cli.ts";
import { withDatabases } from "./databases.ts";

function filesIn(path: string, matches: (name: string) => boolean): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) throw new UsageError(`no such file or folder: ${path}`);
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .map((entry) => join(path, entry))
    .filter((file) => statSync(file).isFile() && matches(file))
    .sort();
}

/**
 * Progress on stderr, rewritten in place on a terminal; elsewhere (and not with --json) a line every
 * 100,000 rows and one as each phase starts, so a long transaction is never silent.
 */
function progressPrinter(file: string, json: boolean) {
  const started = performance.now();
  let lastPlain = 0;
  let phase: ImportProgress["phase"] = "checking";
  const show = (line: string, rows: number, always: boolean) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
    else if (!json && (always || rows - lastPlain >= 100_000)) {
      lastPlain = rows;
      console.error(line);
    }
  };
  const count = (rows: number) => rows.toLocaleString("en-GB");
  return (progress: ImportProgress) => {
    const starting = progress.phase !== phase;
    if (starting) lastPlain = 0;
    phase = progress.phase;
    if (progress.phase === "checking") {
      const seconds = (performance.now() - started) / 1000;
      const rate = progress.rowsRead / Math.max(seconds, 0.001);
      const eta = progress.bytesRead > 0 ? (seconds * (progress.totalBytes - progress.bytesRead)) / progress.bytesRead : 0;
      show(
        `${file}: ${count(progress.rowsRead)} rows checked, ${count(Math.round(rate))} rows/s, ETA ${eta.toFixed(0)} s`,
        progress.rowsRead,
        false,
      );
    } else if (progress.phase === "staging") {
      show(
        `${file}: staging before the transaction, ${count(progress.rowsStaged)} of ${count(progress.rowsToStage)} rows`,
        progress.rowsStaged,
        starting,
      );
    } else {
      show(
        `${file}: writing in one transaction, ${count(progress.rowsWritten)} of ${count(progress.rowsToWrite)} rows`,
        progress.rowsWritten,
        starting,
      );
    }
  };
}

const PUBLICATION_SOURCE = {
  file: "as the file says",
  option: "--published-on",
  "load date": "the load date: neither the file nor --published-on says",
} as const;

const skippedByName = (result: ImportResult) =>
  Object.entries(result.skipped)
    .map(([reason, rows]) => `${rows.toLocaleString("en-GB")} × ${reason}`)
    .join("; ");

const describe = (result: ImportResult) =>
  result.status === "ALREADY_LOADED"
    ? `${result.file}: already imported as batch ${result.batchId}; nothing changed`
    : result.status === "SKIPPED"
      ? `${result.file}: skipped, nothing loaded: ${result.skippedBecause}`
      : result.status === "REJECTED"
        ? `${result.file}: REJECTED, nothing loaded: ${result.rowsRejected} invalid of ${result.rowsRead} rows`
        : `${result.file}: loaded as batch ${result.batchId}: ${result.rowsLoaded} rows loaded, ${result.rowsRejected} rejected, ${result.rowsSkipped} skipped` +
          `${result.rowsSkipped ? ` (${skippedByName(result)})` : ""}; published on ${result.publishedOn} (${PUBLICATION_SOURCE[result.publishedOnSource!]})` +
          `${result.supersededByLaterPublications.length ? `; batch ${result.supersededByLaterPublications.join(", ")}, published later, keeps the units both cover` : ""}` +
          `${result.supersededBatchIds.length ? `; supersedes batch ${result.supersededBatchIds.join(", ")} where it covers the same units` : ""} (${Math.round(result.rowsRead / (result.durationMs / 1000)).toLocaleString("en-GB")} rows/s)`;

/** Row errors go to the file named with --report, else to `import-reports/` in the data folder (not wherever the command ran); the path is printed. */
function writeReport(results: ImportResult[], reportFile: string | undefined, dataDir: string) {
  const errors = results.flatMap((result) => result.errors);
  if (!errors.length) return;
  const folder = join(dataDir, "import-reports");
  if (!reportFile) mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = reportFile ?? join(folder, `import-report-${new Date().toISOString().replace(/[:.]/g, "-")}.txt`);
  writeFileSync(file, errors.map(formatRowError).join("\n") + "\n");
  console.error(`row errors written to ${file}`);
}

/** A day given as --published-on: YYYY-MM-DD, not after today. */
function publicationDay(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text)
    throw new UsageError(`--published-on takes a day as YYYY-MM-DD, got "${text}"`);
  if (day.getTime() > Date.now()) throw new UsageError(`--published-on ${text} is in the future`);
  return day;
}

/** `hub import <kind> <file or folder> [--published-on YYYY-MM-DD] [--sheet NAME] [--skip-invalid] [--json] [--report FILE]`: 0 loaded, 1 a file rejected. */
export async function importCommand(args: string[]): Promise<number> {
  const {
    positional: [kind, path],
    flags,
    options,
  } = parseArgs(args, { flags: ["--skip-invalid", "--json"], options: ["--report", "--sheet", "--published-on"] });
  const importer = IMPORTERS[kind];
  if (!importer) throw new UsageError(kind ? `unknown kind "${kind}"` : "name a kind");
  if (!path) throw new UsageError("name a file or folder");
  const json = flags.has("--json");
  const publishedOn = publicationDay(options.get("--published-on"));
  const files = filesIn(path, importer.matches);
  if (!files.length) throw new UsageError(`no ${importer.kind} files in ${path}`);
  const config = readConfig();
  const names = importer.subgraph === "forces" ? (["forces"] as const) : (["forces", importer.subgraph] as const);
  return withDatabases(
    config,
    async (databases) => {
      // As `npm start` would have on a new database: the sample first when the database's choice is the sample, so the file's scopes replace it.
      for (const name of names) await seedSampleIfNew(name, config, databases.get(name)!, "hub import");
      const forces = await loadForceResolver(databases.get("forces")!.sql);
      const results: ImportResult[] = [];
      for (const file of files) {
        const database = databases.get(importer.subgraph)!;
        // On the embedded database every query waits for an open transaction: keep it to the move of staged rows.
        const result = await runImport(importer, file, database.sql, forces, {
          skipInvalid: flags.has("--skip-invalid"),
          sheet: options.get("--sheet"),
          publishedOn,
          stageRows: database.embedded,
          onProgress: progressPrinter(file, json),
        });
        if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
        results.push(result);
        if (!json) console.log(describe(result));
        for (const warning of result.qualityWarnings) console.error(`  warning: ${warning}`);
        for (const error of result.errors.slice(0, 20)) console.error(`  ${formatRowError(error)}`);
        if (result.errors.length > 20) console.error(`  … and ${result.errors.length - 20} more (see the report)`);
      }
      writeReport(results, options.get("--report"), config.dataDir);
      if (json)
        console.log(
          JSON.stringify(
            results.map(({ errors: rowErrors, ...result }) => ({ ...result, errorCount: rowErrors.length })),
            null,
            2,
          ),
        );
      return results.some((result) => result.status === "REJECTED") ? 1 : 0;
    },
    names,
  );
}
