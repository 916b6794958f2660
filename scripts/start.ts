/**
 * npm start: the five subgraphs and the gateway, each its own process on its own port,
 * logs prefixed by name. The first start migrates and loads the sample data;
 * `npm start -- --scale 100` loads about 10 million sample incidents instead of 100,000;
 * `npm start -- --no-sample` (or HUB_SAMPLE=none) starts with reference data only.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { EXPLORER_DIST } from "../gateway/server.ts";
import { envKey, readConfig, SUBGRAPH_NAMES } from "../subgraphs/shared/config.ts";
import { supervise, type SupervisedProcess } from "./support/supervisor.ts";

const scaleAt = process.argv.indexOf("--scale");
const scale = scaleAt > 0 ? process.argv[scaleAt + 1] : process.env.HUB_SAMPLE_SCALE;
const sample = process.argv.includes("--no-sample") ? "none" : process.env.HUB_SAMPLE;
const config = readConfig({ ...process.env, HUB_SAMPLE_SCALE: scale, HUB_SAMPLE: sample });
const env = {
  // Children write to a pipe: on a terminal they are told to write readable lines, not JSON.
  ...(process.stdout.isTTY && !process.env.LOG_FORMAT ? { LOG_FORMAT: "pretty" } : {}),
  ...process.env, GATEWAY_SECRET: config.gatewaySecret(), HUB_SAMPLE_SCALE: String(config.sampleScale), HUB_SAMPLE: config.sample ? "synthetic" : "none", APOLLO_TELEMETRY_DISABLED: "1",
  // The gateway finds each subgraph where this launcher starts it, also on ports other than the supergraph's.
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${envKey(name)}_URL`, config.subgraphUrl(name)])),
};
const processes: SupervisedProcess[] = [];
const started = Date.now();
let stopping = false;

/** Starts a process under supervision: a crash after it started is logged and restarted, and the rest of the hub keeps serving. */
function run(name: string, args: string[], readyLine: RegExp) {
  const { process: supervised, ready } = supervise(name, args, { env, readyLine, stopping: () => stopping, log: (line) => console.log(`${"[hub]".padEnd(19)} ${line}`) });
  processes.push(supervised);
  return ready;
}

function stop(code = 0) {
  stopping = true;
  for (const supervised of processes) supervised.current().kill("SIGTERM");
  setTimeout(() => process.exit(code), 3_000).unref();
}
process.on("SIGINT", () => stop());
process.on("SIGTERM", () => stop());

if (!existsSync(EXPLORER_DIST)) {
  console.log("[explorer] building the bundled GraphiQL (npm ci builds it; this checkout has none)");
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--config", "gateway/explorer/vite.config.ts", "--logLevel", "error"], { stdio: "inherit" });
}
try {
  await Promise.all(SUBGRAPH_NAMES.map((name) => run(name, [`subgraphs/${name}/index.ts`], /subgraph ready at/)));
  await run("gateway", ["gateway/index.ts"], /gateway ready at/);
} catch (error) {
  console.error(`The hub could not start: ${(error as Error).message.split("\n")[0]}`);
  stop(1);
  await new Promise(() => undefined);
}
console.log(`The hub is up in ${((Date.now() - started) / 1000).toFixed(1)} s: http://${config.host}:${config.gatewayPort}/explorer/`);
