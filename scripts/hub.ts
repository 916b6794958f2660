/**
 * The hub's command line: `hub import <kind> <file or folder> [--skip-invalid] [--json] [--report FILE]`
 * (also `npm run import -- …`). It opens the subgraphs' databases itself, so with the embedded
 * database stop `npm start` first; with PostgreSQL it can run beside the hub.
 * Exit codes: 0 loaded (or already loaded), 1 a file was rejected, 2 usage.
 */
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { IMPORTERS } from "../subgraphs/importers.ts";
import { openSubgraphDatabase, seedSampleIfNew } from "../subgraphs/index.ts";
import { readConfig } from "../subgraphs/shared/config.ts";
import { loadForceResolver } from "../subgraphs/shared/ingest/force-resolver.ts";
import { formatRowError } from "../subgraphs/shared/ingest/row-error.ts";
import { runImport, type ImportResult } from "../subgraphs/shared/ingest/run-import.ts";

const USAGE = `usage: hub import <kind> <file or folder> [--skip-invalid] [--json] [--report FILE]
kinds:
${Object.values(IMPORTERS).map((importer) => `  ${importer.kind.padEnd(20)} ${importer.description}`).join("\n")}`;

function usage(message?: string): never {
  if (message) console.error(`hub: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function filesIn(path: string, matches: (name: string) => boolean): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) usage(`no such file or folder: ${path}`);
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .map((entry) => join(path, entry))
    .filter((file) => statSync(file).isFile() && matches(file))
    .sort();
}

function progressPrinter(file: string, json: boolean) {
  const started = performance.now();
  let lastPlain = 0;
  return ({ rowsRead, bytesRead, totalBytes }: { rowsRead: number; bytesRead: number; totalBytes: number }) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = rowsRead / Math.max(seconds, 0.001);
    const eta = bytesRead > 0 ? (seconds * (totalBytes - bytesRead)) / bytesRead : 0;
    const line = `${file}: ${rowsRead.toLocaleString("en-GB")} rows, ${Math.round(rate).toLocaleString("en-GB")} rows/s, ETA ${eta.toFixed(0)} s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
    else if (!json && rowsRead - lastPlain >= 100_000) {
      lastPlain = rowsRead;
      console.error(line);
    }
  };
}

const describe = (result: ImportResult) =>
  result.status === "ALREADY_LOADED" ? `${result.file}: already imported as batch ${result.batchId}; nothing changed`
  : result.status === "REJECTED" ? `${result.file}: REJECTED, nothing loaded: ${result.rowsRejected} invalid of ${result.rowsRead} rows`
  : `${result.file}: loaded as batch ${result.batchId}: ${result.rowsLoaded} rows loaded, ${result.rowsRejected} rejected, ${result.rowsSkipped} skipped` +
    `${result.supersededBatchIds.length ? `; supersedes batch ${result.supersededBatchIds.join(", ")}` : ""} (${Math.round(result.rowsRead / (result.durationMs / 1000)).toLocaleString("en-GB")} rows/s)`;

async function importCommand(args: string[]) {
  const flags = new Set<string>();
  const positional: string[] = [];
  let reportFile: string | undefined;
  for (let index = 0; index < args.length; index++) {
    if (args[index] === "--report") reportFile = args[++index];
    else if (args[index].startsWith("--")) flags.add(args[index]);
    else positional.push(args[index]);
  }
  const unknownFlag = [...flags].find((flag) => !["--skip-invalid", "--json"].includes(flag));
  if (unknownFlag) usage(`unknown option ${unknownFlag}`);
  const [kind, path] = positional;
  const importer = IMPORTERS[kind];
  if (!importer) usage(kind ? `unknown kind "${kind}"` : "name a kind");
  if (!path) usage("name a file or folder");
  const json = flags.has("--json");
  const files = filesIn(path, importer.matches);
  if (!files.length) usage(`no ${importer.kind} files in ${path}`);

  const config = readConfig();
  const forcesDb = await openSubgraphDatabase("forces", config);
  const target = importer.subgraph === "forces" ? forcesDb : await openSubgraphDatabase(importer.subgraph, config);
  try {
    // As `npm start` would have: the sample first (unless HUB_SAMPLE=none), so the file's scopes replace it.
    await seedSampleIfNew("forces", config, forcesDb);
    if (target !== forcesDb) await seedSampleIfNew(importer.subgraph, config, target);
    const forces = await loadForceResolver(forcesDb.sql);
    const results: ImportResult[] = [];
    for (const file of files) {
      const result = await runImport(importer, file, target.sql, forces, { skipInvalid: flags.has("--skip-invalid"), onProgress: progressPrinter(file, json) });
      if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
      results.push(result);
      if (!json) console.log(describe(result));
      for (const error of result.errors.slice(0, 20)) console.error(`  ${formatRowError(error)}`);
      if (result.errors.length > 20) console.error(`  … and ${result.errors.length - 20} more (see the report)`);
    }
    const errors = results.flatMap((result) => result.errors);
    if (errors.length) {
      const file = reportFile ?? `import-report-${new Date().toISOString().replace(/[:.]/g, "-")}.txt`;
      writeFileSync(file, errors.map(formatRowError).join("\n") + "\n");
      console.error(`row errors written to ${file}`);
    }
    if (json) console.log(JSON.stringify(results.map(({ errors: rowErrors, ...result }) => ({ ...result, errorCount: rowErrors.length })), null, 2));
    return results.some((result) => result.status === "REJECTED") ? 1 : 0;
  } finally {
    if (target !== forcesDb) await target.close();
    await forcesDb.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command !== "import") usage(command ? `unknown command "${command}"` : undefined);
process.exit(await importCommand(rest));
