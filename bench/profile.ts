/**
 * npm run profile: where the CPU of one request goes. Starts the hub on PostgreSQL with every
 * process under `node --cpu-prof` (PROFILE_CPU=off: without), asks the one-force picture for a
 * different force each request through the gateway, no response cache (or, with
 * PROFILE_WORKLOAD=dashboard, the serving benchmark's mix with the cache on; with
 * PROFILE_WORKLOAD=national, NationalPicture from every client, no cache) and prints, per
 * process, the CPU milliseconds per request and the functions and packages with the most self
 * time while the load ran. Linux (reads /proc).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import autocannon from "autocannon";
import { SUBGRAPH_NAMES } from "../shared/config.ts";
import { dashboardMix, differentForceEachTime } from "./serving/dashboard-mix.ts";
import { freshBenchDatabase, graphqlUrl, hubEnvironment, startProcess, startSubgraphs, stopProcesses } from "./support/hub-processes.ts";
import { machineCpuMs, processCpuMs } from "./support/process-cpu.ts";

const SECONDS = Number(process.env.PROFILE_SECONDS ?? 20);
const WORKLOADS = {
  "one-force": {
    title: "one-force picture, a different force each request, no response cache",
    cache: "off",
    requests: async () => differentForceEachTime(),
  },
  dashboard: { title: "dashboard mix, response cache on", cache: "on", requests: dashboardMix },
  national: {
    title: "NationalPicture, the same query from every client, no response cache",
    cache: "off",
    requests: async () => (await dashboardMix()).filter((request) => request.label === "national picture (public)").slice(0, 1),
  },
} as const;
const WORKLOAD = WORKLOADS[(process.env.PROFILE_WORKLOAD ?? "one-force") as keyof typeof WORKLOADS] ?? WORKLOADS["one-force"];
const CONNECTIONS = 8;
const GATEWAY_PORT = 4410;
const TOP = Number(process.env.PROFILE_TOP ?? 10);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** node_modules/<package> (scoped too), a path in this repository, or a V8 pseudo-frame such as (garbage collector). */
function placeOf(url: string): string {
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1];
  if (url.startsWith("node:")) return "node (built-in)";
  if (!url) return "(V8)";
  return relative(process.cwd(), new URL(url, "file:///").pathname).split("/").slice(0, 2).join("/");
}

/** Only the samples taken while the load ran: `window` is how long before the profile's end it started and ended (ms). */
function summarise(file: string, window: { startedMsBeforeEnd: number; endedMsBeforeEnd: number }) {
  const { nodes, samples, timeDeltas, endTime } = JSON.parse(readFileSync(file, "utf8")) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
    endTime: number;
  };
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const [from, to] = [endTime - window.startedMsBeforeEnd * 1000, endTime - window.endedMsBeforeEnd * 1000];
  const functions = new Map<string, number>();
  const places = new Map<string, number>();
  let busy = 0;
  let at = endTime - timeDeltas.reduce((sum, delta) => sum + delta, 0);
  for (const [index, id] of samples.entries()) {
    at += timeDeltas[index];
    if (at < from || at > to) continue;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    busy++;
    const name = `${functionName || "(anonymous)"} ${url ? `${placeOf(url)}:${lineNumber + 1}` : ""}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + 1);
    places.set(placeOf(url), (places.get(placeOf(url)) ?? 0) + 1);
  }
  const top = (counts: Map<string, number>) =>
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, count]) => `    ${((100 * count) / busy).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `  functions by self time (share of busy samples):`,
    ...top(functions),
    `  packages and folders by self time:`,
    ...top(places),
  ].join("\n");
}

const children: ChildProcess[] = [];
const dataDir = mkdtempSync(join(tmpdir(), "hub-profile-"));
const profileDir = (name: string) => join(dataDir, "profiles", name);
const PROFILING = process.env.PROFILE_CPU !== "off";
const profiling = (name: string) => (PROFILING ? ["--cpu-prof", `--cpu-prof-dir=${profileDir(name)}`] : []);
try {
  // From source: the profiles then name the files and lines of the repository, not of the bundle.
  const env = { ...hubEnvironment(dataDir, await freshBenchDatabase("hub_bench_profile")), HUB_RUNTIME: "source" };
  await startSubgraphs(children, env, profiling);
  await startProcess(children, { ...env, RESPONSE_CACHE: WORKLOAD.cache, PORT: String(GATEWAY_PORT) }, "gateway", [
    ...profiling("gateway"),
    "gateway/index.ts",
  ]);
  const names = [...SUBGRAPH_NAMES, "gateway"];
  const requests = (await WORKLOAD.requests()).map((request) => ({
    method: "POST" as const,
    headers: { "content-type": "application/json", ...request.headers },
    body: request.body,
  }));
  const load = (duration: number) => autocannon({ url: graphqlUrl(GATEWAY_PORT), connections: CONNECTIONS, duration, ...inTurn(requests) });
  await load(3);
  const before = children.map((child) => processCpuMs(child.pid!));
  const [loadGeneratorBefore, machineBefore] = [process.cpuUsage(), machineCpuMs()];
  const loadStarted = performance.now();
  const result = await load(SECONDS);
  const loadEnded = performance.now();
  const used = children.map((child, index) => processCpuMs(child.pid!) - before[index]);
  const { user, system } = process.cpuUsage(loadGeneratorBefore);
  const others = { "load generator": (user + system) / 1000, "whole machine": machineCpuMs() - machineBefore };
  if (result.non2xx || result.errors) throw new Error(`${result.non2xx + result.errors} failed requests`);
  console.log(
    `${WORKLOAD.title}: ${result.requests.average.toFixed(1)} requests/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms over ${SECONDS} s with ${CONNECTIONS} connections`,
  );
  const perRequest = (name: string, ms: number) =>
    console.log(`${name.padEnd(16)} ${(ms / result.requests.total).toFixed(2).padStart(6)} ms CPU per request`);
  names.forEach((name, index) => perRequest(name, used[index]));
  perRequest(
    "hub processes",
    used.reduce((a, b) => a + b, 0),
  );
  for (const [name, ms] of Object.entries(others)) perRequest(name, ms);
  await stopProcesses(children);
  const stopped = performance.now();
  for (const name of PROFILING ? names : []) {
    const [file] = readdirSync(profileDir(name));
    console.log(
      `\n${name}\n${summarise(join(profileDir(name), file), { startedMsBeforeEnd: stopped - loadStarted, endedMsBeforeEnd: stopped - loadEnded })}`,
    );
  }
} finally {
  await stopProcesses(children);
  rmSync(dataDir, { recursive: true, force: true });
}

/** Autocannon options that send the requests in turn, one after another on every connection. */
function inTurn(requests: { method: "POST"; headers: Record<string, string>; body: string }[]) {
  let next = 0;
  return {
    requests: [{ method: "POST" as const, setupRequest: (request: object) => ({ ...request, ...requests[next++ % requests.length] }) }],
  };
}
