/**
 * npm start: the five subgraphs and the gateway, each its own process on its own port,
 * logs prefixed by name. The first start migrates and loads the sample data;
 * `npm start -- --scale 100` loads about 10 million sample incidents instead of 100,000;
 * `npm start -- --no-sample` (or HUB_SAMPLE=none) starts with reference data only.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { EXPLORER_DIST } from "../gateway/server.ts";
import { readConfig, SUBGRAPH_NAMES } from "../subgraphs/shared/config.ts";
import { startChild } from "./support/child-process.ts";

const scaleAt = process.argv.indexOf("--scale");
const scale = scaleAt > 0 ? process.argv[scaleAt + 1] : process.env.HUB_SAMPLE_SCALE;
const sample = process.argv.includes("--no-sample") ? "none" : process.env.HUB_SAMPLE;
const config = readConfig({ ...process.env, HUB_SAMPLE_SCALE: scale, HUB_SAMPLE: sample });
const env = {
  ...process.env, GATEWAY_SECRET: config.gatewaySecret(), HUB_SAMPLE_SCALE: String(config.sampleScale), HUB_SAMPLE: config.sample ? "synthetic" : "none", APOLLO_TELEMETRY_DISABLED: "1",
};
const children: ChildProcess[] = [];
const started = Date.now();

function run(name: string, args: string[], readyLine: RegExp) {
  const { child, ready } = startChild(name, args, { env, readyLine, onExit: () => void (stopping || stop(1)) });
  children.push(child);
  return ready;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 3_000).unref();
}
process.on("SIGINT", () => stop());
process.on("SIGTERM", () => stop());

if (!existsSync(EXPLORER_DIST)) {
  console.log("[explorer] building the bundled GraphiQL (npm ci builds it; this checkout has none)");
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--config", "gateway/explorer/vite.config.ts", "--logLevel", "error"], { stdio: "inherit" });
}
await Promise.all(SUBGRAPH_NAMES.map((name) => run(name, [`subgraphs/${name}/index.ts`], /subgraph ready at/)));
await run("gateway", ["gateway/index.ts"], /gateway ready at/);
console.log(`The hub is up in ${((Date.now() - started) / 1000).toFixed(1)} s: http://${config.host}:${config.gatewayPort}/explorer/`);
