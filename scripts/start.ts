/**
 * npm start: the five subgraphs (in one process, each on its own port; HUB_SUBGRAPH_PROCESSES=separate
 * for one process each) and the gateway, logs prefixed by name. The first start migrates and loads the sample data;
 * `npm start -- --scale 100` loads about 10 million sample incidents instead of 100,000;
 * `npm start -- --no-sample` (or HUB_SAMPLE=none) starts with reference data only.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { envKey, readConfig, SUBGRAPH_NAMES } from "../shared/config.ts";
import { EXPLORER_DIST } from "../gateway/explorer-dist.ts";
import { embeddedDatabaseFolder, serveWhenFree, type EmbeddedDatabase } from "../subgraphs/shared/database/embedded-server/index.ts";
import { supervise, type SupervisedProcess } from "./support/supervisor.ts";

const scaleAt = process.argv.indexOf("--scale");
const scale = scaleAt > 0 ? process.argv[scaleAt + 1] : process.env.HUB_SAMPLE_SCALE;
const sample = process.argv.includes("--no-sample") ? "none" : process.env.HUB_SAMPLE;
const config = readConfig({ ...process.env, HUB_SAMPLE_SCALE: scale, HUB_SAMPLE: sample });
const env = {
  // Children write to a pipe: on a terminal they are told to write readable lines, not JSON.
  ...(process.stdout.isTTY && !process.env.LOG_FORMAT ? { LOG_FORMAT: "pretty" } : {}),
  ...process.env,
  HUB_DATA_DIR: config.dataDir,
  GATEWAY_SECRET: config.gatewaySecret(),
  HUB_SAMPLE_SCALE: String(config.sampleScale),
  ...(config.sampleExplicit ? { HUB_SAMPLE: config.sample ? "synthetic" : "none" } : {}),
  APOLLO_TELEMETRY_DISABLED: "1",
  // The gateway finds each subgraph where this launcher starts it, also on ports other than the supergraph's.
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${envKey(name)}_URL`, config.subgraphUrl(name)])),
};
/**
 * A young generation of 2 MB instead of V8's 16-32 MB: the subgraphs' garbage is short-lived and
 * collected as cheaply in small steps, and each process keeps ~25 MB less resident.
 */
const SUBGRAPH_NODE_FLAGS = ["--max-semi-space-size=2"];
/** Traces name each process as one service: with an exporter, every subgraph keeps a process of its own. */
const TRACES_EXPORTED = !!(process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
const SUBGRAPHS_TOGETHER = config.subgraphProcesses === "one" && !TRACES_EXPORTED;
const processes: SupervisedProcess[] = [];
const started = Date.now();
let stopping = false;
let embedded: EmbeddedDatabase | undefined;
const say = (line: string) => console.log(`${"[hub]".padEnd(19)} ${line}`);

/** Starts a process under supervision: a crash after it started is logged and restarted, and the rest of the hub keeps serving. */
function run(name: string, args: string[]) {
  const { process: supervised, ready } = supervise(name, args, { env, stopping: () => stopping, log: say });
  processes.push(supervised);
  return ready;
}

const exited = (supervised: SupervisedProcess) =>
  new Promise<void>((resolve) => {
    const child = supervised.current();
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });

/** The processes first, then the embedded database they were writing to. */
async function stop(code = 0) {
  stopping = true;
  setTimeout(() => process.exit(code), 10_000).unref();
  for (const supervised of processes) supervised.current().kill("SIGTERM");
  await Promise.all(processes.map(exited));
  await embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

/** Data from before the hub had one embedded database: each subgraph kept its own PGlite folder. */
function warnOfEarlierFolders() {
  const earlier = SUBGRAPH_NAMES.filter((name) => existsSync(join(config.dataDir, name, "PG_VERSION")));
  if (earlier.length)
    say(
      `${earlier.map((name) => join(config.dataDir, name)).join(", ")}: embedded data of an earlier version, no longer read; load its files again with hub import`,
    );
}

if (!existsSync(EXPLORER_DIST)) {
  console.log("[explorer] building the bundled GraphiQL (npm ci builds it; this checkout has none)");
  execFileSync(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "--config", "gateway/explorer/vite.config.ts", "--logLevel", "error"],
    { stdio: "inherit" },
  );
}
try {
  if (SUBGRAPH_NAMES.some((name) => !config.databaseUrl(name))) {
    ({ hosted: embedded } = await serveWhenFree(config.dataDir, {
      join: false,
      idleInTransactionTimeoutMs: config.embeddedIdleInTransactionTimeoutMs,
    }));
    say(`embedded database (PGlite, one for all subgraphs) in ${embeddedDatabaseFolder(config.dataDir)}, served at ${embedded.address}`);
    warnOfEarlierFolders();
  }
  if (SUBGRAPHS_TOGETHER) await run("subgraphs", [...SUBGRAPH_NODE_FLAGS, "subgraphs/run-together.ts"]);
  else await Promise.all(SUBGRAPH_NAMES.map((name) => run(name, [...SUBGRAPH_NODE_FLAGS, `subgraphs/${name}/index.ts`])));
  await run("gateway", ["gateway/index.ts"]);
} catch (error) {
  console.error(`The hub could not start: ${(error as Error).message.split("\n")[0]}`);
  await stop(1);
}
console.log(`The hub is up in ${((Date.now() - started) / 1000).toFixed(1)} s: http://${config.host}:${config.gatewayPort}/explorer/`);
