/**
 * Serving at scale on PostgreSQL: the dashboard mix through our gateway and through Hive Gateway
 * (Rust query planner), each with and without its response cache, in front of the same five
 * subgraph processes. Part-way through every run a batch changes the figures (`hub import`, or
 * `hub withdraw` of it, from the command line beside the running hub); every answer to a request
 * sent after that command has finished is compared with a fresh answer from our uncached gateway.
 */
import { execFile, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { nodeArguments } from "../../scripts/support/child-process.ts";
import { freshBenchDatabase, graphqlUrl, hubEnvironment, startProcess, startSubgraphs, stopProcesses } from "../support/hub-processes.ts";
import { processCpuMs } from "../support/process-cpu.ts";
import type { BenchRow } from "../support/report.ts";
import { dashboardMix, differentForceEachTime, type DashboardRequest } from "./dashboard-mix.ts";
import { responseIncidentsFile } from "../../tests/support/incidents-file.ts";

const CONNECTIONS = 8;
const SECONDS = Number(process.env.BENCH_SERVING_SECONDS ?? 20);
const CHANGE_AFTER_MS = 4_000;
const DATABASE = "hub_bench_serving";

interface Gateway {
  name: string;
  port: number;
  entry: string;
  env: NodeJS.ProcessEnv;
}

const GATEWAYS = {
  oursCached: {
    name: "our gateway, response cache on",
    port: 4410,
    entry: "gateway/index.ts",
    env: { RESPONSE_CACHE: "on" },
  },
  oursUncached: {
    name: "our gateway, response cache off",
    port: 4411,
    entry: "gateway/index.ts",
    env: { RESPONSE_CACHE: "off" },
  },
  hiveCached: {
    name: "Hive Gateway 2.15.1 + Rust planner, response cache on",
    port: 4420,
    entry: "bench/support/hive-gateway.ts",
    env: { HIVE_PLANNER: "rust", HIVE_RESPONSE_CACHE: "on" },
  },
  hiveUncached: {
    name: "Hive Gateway 2.15.1 + Rust planner, response cache off",
    port: 4421,
    entry: "bench/support/hive-gateway.ts",
    env: { HIVE_PLANNER: "rust" },
  },
} satisfies Record<string, Gateway>;

interface Run {
  requestsPerSecond: number;
  p99Ms: number;
  failures: number;
  hits: number;
  responses: number;
  /** CPU the gateway's process used during the run, in ms. */
  gatewayCpuMs: number;
  /** Answers to requests sent after the change had finished, by request, each distinct body counted. */
  afterChange: Map<number, Map<string, number>>;
}

/** Each autocannon connection's own state: which request of the mix it sent, and when. */
interface ConnectionContext {
  index: number;
  sentAt: number;
}

async function ask(port: number, request: DashboardRequest): Promise<string> {
  const response = await fetch(graphqlUrl(port), {
    method: "POST",
    headers: { "content-type": "application/json", ...request.headers },
    body: request.body,
  });
  const text = await response.text();
  if (response.status !== 200 || (JSON.parse(text) as { errors?: unknown }).errors)
    throw new Error(`${request.label} on port ${port}: ${response.status} ${text.slice(0, 300)}`);
  return text;
}

const dataOf = (body: string) => JSON.stringify((JSON.parse(body) as { data?: unknown }).data);

/** Each gateway's process, to read the CPU it spends per answer. */
const gatewayPids = new Map<Gateway, number>();

async function load(gateway: Gateway, mix: DashboardRequest[], change?: () => Promise<void>, seconds = SECONDS): Promise<Run> {
  let next = 0;
  // Answers are kept for the stale count only when a change is made, and only those to requests sent after it.
  let changedAt = Infinity;
  const afterChange = new Map<number, Map<string, number>>();
  let hits = 0;
  let responses = 0;
  const pending =
    change &&
    new Promise<void>((resolve, reject) =>
      setTimeout(
        () =>
          void change().then(() => {
            changedAt = performance.now();
            resolve();
          }, reject),
        CHANGE_AFTER_MS,
      ),
    );
  const cpuBefore = processCpuMs(gatewayPids.get(gateway)!);
  const result = await autocannon({
    url: graphqlUrl(gateway.port),
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request, connection) => {
          const context = connection as ConnectionContext;
          const index = next++ % mix.length;
          context.index = index;
          context.sentAt = performance.now();
          return { ...request, headers: { "content-type": "application/json", ...mix[index].headers }, body: mix[index].body };
        },
        onResponse: (status, body, connection, headers) => {
          const context = connection as ConnectionContext;
          responses++;
          if ((headers as Record<string, string>)?.["x-hub-cache"] === "HIT") hits++;
          if (status !== 200 || context.sentAt <= changedAt) return;
          const bodies = afterChange.get(context.index) ?? new Map<string, number>();
          bodies.set(body, (bodies.get(body) ?? 0) + 1);
          afterChange.set(context.index, bodies);
        },
      },
    ],
  });
  const gatewayCpuMs = processCpuMs(gatewayPids.get(gateway)!) - cpuBefore;
  await pending;
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
    hits,
    responses,
    gatewayCpuMs,
    afterChange,
  };
}

const TURNS = 3;

/** Runs of equal length as one: the mean rate, the highest p99 of any, and everything counted summed. */
function inAll(runs: Run[]): Run {
  const sum = (count: (run: Run) => number) => runs.reduce((total, run) => total + count(run), 0);
  return {
    requestsPerSecond: sum((run) => run.requestsPerSecond) / runs.length,
    p99Ms: Math.max(...runs.map((run) => run.p99Ms)),
    failures: sum((run) => run.failures),
    hits: sum((run) => run.hits),
    responses: sum((run) => run.responses),
    gatewayCpuMs: sum((run) => run.gatewayCpuMs),
    afterChange: new Map(),
  };
}

/** Every request of the mix once, a few at a time. */
async function warmUp(gateway: Gateway, mix: DashboardRequest[]) {
  for (let first = 0; first < mix.length; first += CONNECTIONS)
    await Promise.all(mix.slice(first, first + CONNECTIONS).map((request) => ask(gateway.port, request)));
}

/** Answers after the change that differ from a fresh, uncached answer to the same request now. */
async function staleAnswers(run: Run, mix: DashboardRequest[]): Promise<number> {
  let stale = 0;
  for (const [index, bodies] of run.afterChange) {
    const fresh = dataOf(await ask(GATEWAYS.oursUncached.port, mix[index]));
    for (const [body, count] of bodies) if (dataOf(body) !== fresh) stale += count;
  }
  return stale;
}

async function startAll(env: NodeJS.ProcessEnv, children: ChildProcess[]) {
  await startSubgraphs(children, env);
  await Promise.all(
    Object.values(GATEWAYS).map(async (gateway) => {
      const child = await startProcess(children, { ...env, ...gateway.env, PORT: String(gateway.port) }, gateway.name, [gateway.entry]);
      gatewayPids.set(gateway, child.pid!);
    }),
  );
}

/** Imports the incidents file, or withdraws it when it stands: either way the figures of the mix change. */
function batchToggler(env: NodeJS.ProcessEnv, file: string) {
  const hub = (...args: string[]) =>
    promisify(execFile)(process.execPath, [...nodeArguments(["scripts/hub.ts"], env), ...args], { env, encoding: "utf8" });
  let loaded: string | undefined;
  return async () => {
    if (loaded) {
      await hub("withdraw", loaded);
      loaded = undefined;
    } else {
      // The batch id from the import's own report: a second command would only add its start-up to the load.
      const [result] = JSON.parse((await hub("import", "response-incidents", file, "--json")).stdout) as { batchId: number }[];
      loaded = `response-times:${result.batchId}`;
    }
  };
}

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;
const gatewayCpuPerAnswer = (run: Run) => run.gatewayCpuMs / Math.max(run.responses, 1);

function row(benchmark: string, subject: [Gateway, Run, number], baseline: [Gateway, Run, number]): BenchRow {
  const [[ours, oursRun, oursStale], [theirs, theirRun, theirStale]] = [subject, baseline];
  return {
    benchmark,
    subject: ours.name,
    baseline: theirs.name,
    subjectValue: oursRun.requestsPerSecond,
    baselineValue: theirRun.requestsPerSecond,
    unit: "requests/s (higher is better)",
    ratio: oursRun.requestsPerSecond / theirRun.requestsPerSecond,
    note: `p99 ${oursRun.p99Ms} vs ${theirRun.p99Ms} ms; gateway CPU ${gatewayCpuPerAnswer(oursRun).toFixed(2)} vs ${gatewayCpuPerAnswer(theirRun).toFixed(2)} ms per answer; stale answers after the change ${oursStale} vs ${theirStale}; our cache hits ${percent(oursRun.hits, oursRun.responses)}`,
  };
}

export async function servingBenchmark(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "hub-serving-"));
  const env = hubEnvironment(dataDir, await freshBenchDatabase(DATABASE));
  const children: ChildProcess[] = [];
  try {
    await startAll(env, children);
    const mix = await dashboardMix();
    for (const request of mix.slice(0, 12)) {
      const answers = await Promise.all(Object.values(GATEWAYS).map((gateway) => ask(gateway.port, request).then(dataOf)));
      if (new Set(answers).size !== 1) throw new Error(`the gateways disagree on ${request.label}`);
    }
    // The command returns once our cached gateway serves the change, as it would for a hub's own gateway (the others have no cache to wait for, or none it can ask).
    const toggle = batchToggler(
      {
        ...env,
        HUB_GATEWAY_URLS: Object.values(GATEWAYS)
          .map((gateway) => `http://127.0.0.1:${gateway.port}`)
          .join(","),
      },
      responseIncidentsFile(dataDir),
    );
    const measured = new Map<Gateway, [Gateway, Run, number]>();
    for (const gateway of Object.values(GATEWAYS)) {
      // Dashboards have asked everything once already: the run starts from a warm cache, and the change part-way empties it.
      await warmUp(gateway, mix);
      const run = await load(gateway, mix, toggle);
      if (run.failures) throw new Error(`${run.failures} failed requests through ${gateway.name}`);
      measured.set(gateway, [gateway, run, await staleAnswers(run, mix)]);
      console.log(
        `${gateway.name}: ${run.requestsPerSecond.toFixed(0)} requests/s, p99 ${run.p99Ms} ms, stale ${measured.get(gateway)![2]}`,
      );
    }
    // The same mix with nothing loaded meanwhile: what each cache does when it is never emptied.
    const unchanged = new Map<Gateway, [Gateway, Run, number]>();
    for (const gateway of [GATEWAYS.oursCached, GATEWAYS.hiveCached]) {
      await warmUp(gateway, mix);
      unchanged.set(gateway, [gateway, await load(gateway, mix), 0]);
    }
    // Uncached, the two gateways take turns, a third of the time each turn: a drift in the shared machine's speed falls on both alike.
    const runBoth = async (requests: DashboardRequest[]) => {
      const [ours, hive]: Run[][] = [[], []];
      for (let turn = 0; turn < TURNS; turn++) {
        ours.push(await load(GATEWAYS.oursUncached, requests, undefined, SECONDS / TURNS));
        hive.push(await load(GATEWAYS.hiveUncached, requests, undefined, SECONDS / TURNS));
      }
      return [inAll(ours), inAll(hive)] as const;
    };
    const [oursSpread, hiveSpread] = await runBoth(differentForceEachTime());
    const [oursNational, hiveNational] = await runBoth(mix.filter((request) => request.label === "national picture (public)").slice(0, 1));
    const rows = [
      row(
        `serving: dashboard mix with a batch changed part-way (PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s), cached`,
        measured.get(GATEWAYS.oursCached)!,
        measured.get(GATEWAYS.hiveCached)!,
      ),
      row(
        `serving: the same mix, cached, nothing loaded during the run`,
        unchanged.get(GATEWAYS.oursCached)!,
        unchanged.get(GATEWAYS.hiveCached)!,
      ),
      row(
        `serving: the mix with the batch changed part-way (response cache off)`,
        measured.get(GATEWAYS.oursUncached)!,
        measured.get(GATEWAYS.hiveUncached)!,
      ),
      row(
        `serving: NationalPicture, the same query from every client (response cache off)`,
        [GATEWAYS.oursUncached, oursNational, 0],
        [GATEWAYS.hiveUncached, hiveNational, 0],
      ),
      row(
        `serving: one force's picture, a different force each request (response cache off)`,
        [GATEWAYS.oursUncached, oursSpread, 0],
        [GATEWAYS.hiveUncached, hiveSpread, 0],
      ),
      row(
        `response cache gain: our gateway, the dashboard mix with the batch changed part-way`,
        measured.get(GATEWAYS.oursCached)!,
        measured.get(GATEWAYS.oursUncached)!,
      ),
    ];
    writeSummary(measured, unchanged, { ours: oursNational, hive: hiveNational }, { ours: oursSpread, hive: hiveSpread });
    return rows;
  } finally {
    await stopProcesses(children);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** bench/results/serving.json: the figures the issue asks for, as fields. */
function writeSummary(
  measured: Map<Gateway, [Gateway, Run, number]>,
  unchanged: Map<Gateway, [Gateway, Run, number]>,
  nationalPicture: { ours: Run; hive: Run },
  { ours: oursSpread, hive: hiveSpread }: { ours: Run; hive: Run },
) {
  const figures = (gateway: Gateway, runs = measured) => {
    const [, run, stale] = runs.get(gateway)!;
    return {
      requestsPerSecond: Math.round(run.requestsPerSecond),
      p99Ms: run.p99Ms,
      staleAnswers: stale,
      cacheHitRate: run.hits / Math.max(run.responses, 1),
      gatewayCpuMsPerAnswer: +gatewayCpuPerAnswer(run).toFixed(2),
      answersAfterChange: [...run.afterChange.values()].reduce((sum, bodies) => sum + [...bodies.values()].reduce((a, b) => a + b, 0), 0),
    };
  };
  const [ours, hive] = [figures(GATEWAYS.oursCached), figures(GATEWAYS.hiveCached)];
  const [oursUnchanged, hiveUnchanged] = [figures(GATEWAYS.oursCached, unchanged), figures(GATEWAYS.hiveCached, unchanged)];
  const summary = {
    measuredAt: new Date().toISOString(),
    database: "PostgreSQL",
    connections: CONNECTIONS,
    seconds: SECONDS,
    cached: { ours, hive, ratio: ours.requestsPerSecond / hive.requestsPerSecond, staleAnswers: ours.staleAnswers },
    cachedNothingLoaded: {
      ours: oursUnchanged,
      hive: hiveUnchanged,
      ratio: oursUnchanged.requestsPerSecond / hiveUnchanged.requestsPerSecond,
    },
    uncached: {
      ours: figures(GATEWAYS.oursUncached),
      hive: figures(GATEWAYS.hiveUncached),
      ratio: measured.get(GATEWAYS.oursUncached)![1].requestsPerSecond / measured.get(GATEWAYS.hiveUncached)![1].requestsPerSecond,
    },
    nationalPictureUncached: {
      ours: Math.round(nationalPicture.ours.requestsPerSecond),
      hive: Math.round(nationalPicture.hive.requestsPerSecond),
      ratio: nationalPicture.ours.requestsPerSecond / nationalPicture.hive.requestsPerSecond,
      gatewayCpuMsPerAnswer: {
        ours: +gatewayCpuPerAnswer(nationalPicture.ours).toFixed(2),
        hive: +gatewayCpuPerAnswer(nationalPicture.hive).toFixed(2),
      },
    },
    oneForceDifferentEachRequest: {
      requestsPerSecond: Math.round(oursSpread.requestsPerSecond),
      p99Ms: oursSpread.p99Ms,
      ratioToHive: oursSpread.requestsPerSecond / hiveSpread.requestsPerSecond,
    },
  };
  const folder = new URL("../results/", import.meta.url);
  mkdirSync(folder, { recursive: true });
  writeFileSync(new URL("serving.json", folder), JSON.stringify(summary, null, 2) + "\n");
}
