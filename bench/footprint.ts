/**
 * The hub as `npm start` runs it (compiled, the launcher and its six processes), on the embedded
 * default and on PostgreSQL: time to the first NationalPicture answer on a new data folder (the
 * sample loaded then) and on a second start, resident memory of the whole process tree after
 * NationalPicture, and NationalPicture's p50 computed afresh each time (`x-hub-cache: refresh`).
 * Ratios: embedded against PostgreSQL, both measured in this run.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { envKey, SUBGRAPH_NAMES } from "../shared/config.ts";
import { responseIncidentsFile } from "../tests/support/incidents-file.ts";
import { descendantsOf } from "../tests/support/processes.ts";
import { NATIONAL_PICTURE } from "../tests/support/queries.ts";
import { freshBenchDatabase } from "./support/hub-processes.ts";
import type { BenchRow } from "./support/report.ts";

const PORT = 4800;
const P50_REQUESTS = 40;
/** A month of one force's incidents, large enough that its one transaction is long. */
const LONG_IMPORT_INCIDENTS = 200_000;

interface Footprint {
  firstAnswerMs: { newFolder: number; secondStart: number };
  residentMb: number;
  residentByProcessMb: Record<string, number>;
  nationalPictureP50Ms: number;
  /**
   * NationalPicture asked again and again while a long import runs beside the hub, computed afresh
   * (the worst stall: the slowest answer; failed ones gave up waiting) and, beside it, as a dashboard
   * asks it, through the response cache (which keeps serving the figures before the batch until it commits).
   */
  duringImport: {
    importMs: number;
    answers: number;
    failed: number;
    slowestMs: number;
    cached: { answers: number; failed: number; slowestMs: number };
  };
}

const residentKb = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0);

/** The launcher and every process under it, by command line. */
function processTree(root: number): Map<number, string> {
  const tree = new Map<number, string>([[root, "launcher"]]);
  for (const pid of descendantsOf(root)) {
    const command =
      readFileSync(`/proc/${pid}/cmdline`, "utf8")
        .split("\0")
        .find((part) => part.endsWith(".js")) ?? "node";
    tree.set(pid, command.replace(/.*\.build\/runtime\//, "").replace(/\/index\.js$|\.js$/, ""));
  }
  return tree;
}

async function nationalPicture(fresh = false, failures?: { count: number }): Promise<number> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(fresh ? { "x-hub-cache": "refresh" } : {}) },
    body: JSON.stringify({ query: NATIONAL_PICTURE }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (failures && (!response.ok || body.errors)) failures.count++;
  else if (!response.ok || body.errors) throw new Error(`NationalPicture: ${response.status} ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

/** Starts `npm start`'s launcher and resolves, with the time taken, at the first NationalPicture answer. */
async function startUntilAnswered(env: NodeJS.ProcessEnv): Promise<{ launcher: ChildProcess; ms: number }> {
  const started = performance.now();
  const launcher = spawn(process.execPath, [".build/runtime/scripts/start.js"], { env, stdio: "ignore" });
  for (;;) {
    if (launcher.exitCode !== null) throw new Error(`npm start exited with ${launcher.exitCode}`);
    try {
      await nationalPicture();
      return { launcher, ms: performance.now() - started };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** `hub import` of a long file beside the running hub, NationalPicture asked afresh meanwhile. */
async function askDuringImport(env: NodeJS.ProcessEnv, dataDir: string): Promise<Footprint["duringImport"]> {
  const file = responseIncidentsFile(dataDir, LONG_IMPORT_INCIDENTS);
  const started = performance.now();
  let importing = true;
  const imported = promisify(execFile)(
    process.execPath,
    [".build/runtime/scripts/hub.js", "import", "response-incidents", file, "--json"],
    { env, encoding: "utf8" },
  ).finally(() => (importing = false));
  const askUntilImported = async (fresh: boolean) => {
    const latencies: number[] = [];
    const failures = { count: 0 };
    while (importing) latencies.push(await nationalPicture(fresh, failures));
    return { answers: latencies.length, failed: failures.count, slowestMs: Math.round(Math.max(...latencies)) };
  };
  const [afresh, cached] = await Promise.all([askUntilImported(true), askUntilImported(false)]);
  await imported;
  return { importMs: Math.round(performance.now() - started), ...afresh, cached };
}

const stop = (launcher: ChildProcess) =>
  new Promise<void>((resolve) => {
    launcher.once("exit", () => resolve());
    launcher.kill("SIGTERM");
  });

async function footprint(databaseUrl: string): Promise<Footprint> {
  const dataDir = mkdtempSync(join(tmpdir(), "hub-footprint-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HUB_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PORT: String(PORT),
    METRICS: "off",
    LOG_LEVEL: "warn",
  };
  SUBGRAPH_NAMES.forEach((name, index) => (env[`${envKey(name)}_PORT`] = String(PORT + 1 + index)));
  try {
    const first = await startUntilAnswered(env);
    await stop(first.launcher);
    const second = await startUntilAnswered(env);
    try {
      const latencies: number[] = [];
      for (let request = 0; request < P50_REQUESTS; request++) latencies.push(await nationalPicture(true));
      latencies.sort((a, b) => a - b);
      const tree = processTree(second.launcher.pid!);
      const residentByProcessMb = Object.fromEntries([...tree].map(([pid, name]) => [name, Math.round(residentKb(pid) / 1024)]));
      const duringImport = await askDuringImport(env, dataDir);
      return {
        firstAnswerMs: { newFolder: Math.round(first.ms), secondStart: Math.round(second.ms) },
        residentMb: Object.values(residentByProcessMb).reduce((sum, mb) => sum + mb, 0),
        residentByProcessMb,
        nationalPictureP50Ms: +latencies[Math.floor(latencies.length / 2)].toFixed(1),
        duringImport,
      };
    } finally {
      await stop(second.launcher);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function footprintBenchmark(): Promise<BenchRow[]> {
  const embedded = await footprint("");
  const postgres = await footprint(await freshBenchDatabase("hub_bench_footprint"));
  for (const [name, measured] of [
    ["embedded", embedded],
    ["PostgreSQL", postgres],
  ] as const)
    console.log(`${name}: ${JSON.stringify(measured)}`);
  const summary = {
    measuredAt: new Date().toISOString(),
    targetsMb: { embedded: 1_000, postgres: 700 },
    embedded,
    postgres,
    nationalPictureP50Ratio: embedded.nationalPictureP50Ms / postgres.nationalPictureP50Ms,
  };
  writeFileSync(new URL("results/footprint.json", import.meta.url), JSON.stringify(summary, null, 2) + "\n");
  const row = (benchmark: string, unit: string, ours: number, theirs: number, note: string): BenchRow => ({
    benchmark,
    subject: "embedded PGlite (npm start default)",
    baseline: "PostgreSQL",
    subjectValue: ours,
    baselineValue: theirs,
    unit,
    ratio: ours / theirs,
    note,
  });
  const perProcess = (measured: Footprint) =>
    Object.entries(measured.residentByProcessMb)
      .map(([name, mb]) => `${name} ${mb}`)
      .join(", ");
  return [
    row(
      "footprint: resident memory of the whole hub after NationalPicture",
      "MB (lower is better)",
      embedded.residentMb,
      postgres.residentMb,
      `embedded: ${perProcess(embedded)}; PostgreSQL: ${perProcess(postgres)}; targets 1,000 and 700 MB`,
    ),
    row(
      "footprint: npm start to the first NationalPicture answer, new data folder (sample loaded)",
      "ms (lower is better)",
      embedded.firstAnswerMs.newFolder,
      postgres.firstAnswerMs.newFolder,
      "the launcher started compiled, as npm start runs it after its build step",
    ),
    row(
      "footprint: npm start to the first NationalPicture answer, second start",
      "ms (lower is better)",
      embedded.firstAnswerMs.secondStart,
      postgres.firstAnswerMs.secondStart,
      "",
    ),
    row(
      `footprint: slowest NationalPicture answer while ${LONG_IMPORT_INCIDENTS.toLocaleString("en-GB")} incidents are imported beside the hub`,
      "ms (lower is better)",
      embedded.duringImport.slowestMs,
      postgres.duringImport.slowestMs,
      `the import took ${embedded.duringImport.importMs} ms embedded (${embedded.duringImport.answers} answers meanwhile, ${embedded.duringImport.failed} failed), ${postgres.duringImport.importMs} ms on PostgreSQL (${postgres.duringImport.answers}, ${postgres.duringImport.failed} failed); computed afresh each time, beside the cached loop below`,
    ),
    row(
      `footprint: slowest NationalPicture answer from the response cache while ${LONG_IMPORT_INCIDENTS.toLocaleString("en-GB")} incidents are imported beside the hub`,
      "ms (lower is better)",
      embedded.duringImport.cached.slowestMs,
      postgres.duringImport.cached.slowestMs,
      `as a dashboard asks it, beside the fresh loop above: ${embedded.duringImport.cached.answers} answers embedded (${embedded.duringImport.cached.failed} failed), ${postgres.duringImport.cached.answers} on PostgreSQL (${postgres.duringImport.cached.failed} failed)`,
    ),
    row(
      "footprint: NationalPicture p50, computed afresh each time",
      "ms (lower is better)",
      embedded.nationalPictureP50Ms,
      postgres.nationalPictureP50Ms,
      `${P50_REQUESTS} requests one after another, x-hub-cache: refresh`,
    ),
  ];
}
