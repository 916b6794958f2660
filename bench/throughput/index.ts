/**
 * Throughput: the same supergraph served by our gateway and by Hive Gateway in front of the same
 * five subgraph processes, loaded in turn by autocannon with fixed connections and duration.
 * Both answer anonymous requests (the public viewer), neither with a response cache; the subgraphs
 * run as `npm start` runs them, in one process on the embedded database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import type { ChildProcess } from "node:child_process";
import { startChild } from "../../scripts/support/child-process.ts";
import { referenceForces } from "../../subgraphs/shared/reference/forces.ts";
import { NATIONAL_PICTURE, ONE_FORCE_PICTURE } from "../../tests/support/queries.ts";
import { graphqlUrl, hubEnvironment } from "../support/hub-processes.ts";
import type { BenchRow } from "../support/report.ts";

const CONNECTIONS = 8;
const SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 10);
const ROUNDS = 2;
const OURS = { name: "our gateway (@apollo/gateway 2.14)", port: 4310, entry: "gateway/index.ts" };
const HIVE = { name: "Hive Gateway 2.15.1", port: 4320, entry: "bench/support/hive-gateway.ts" };
const FORCE_IDS = referenceForces().map((force) => force.id);
let nextForce = 0;
/** What each request asks: the same question from every client (which identical in-flight calls can share), or a different force each time. */
const SCENARIOS: { label: string; query: () => string }[] = [
  { label: "NationalPicture, every request the same", query: () => NATIONAL_PICTURE },
  { label: "one force, every request the same", query: () => ONE_FORCE_PICTURE },
  {
    label: "one force, a different force each request",
    query: () => ONE_FORCE_PICTURE.replace('"kent"', `"${FORCE_IDS[nextForce++ % FORCE_IDS.length]}"`),
  },
];

interface Load {
  requestsPerSecond: number;
  p99Ms: number;
  failures: number;
}

const post = (query: string) => ({
  method: "POST" as const,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query }),
});

async function answer(port: number, query: string) {
  const response = await fetch(graphqlUrl(port), post(query));
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || body.errors)
    throw new Error(`gateway on ${port} answered ${response.status}: ${JSON.stringify(body.errors)}`);
  return JSON.stringify(body.data);
}

async function load(port: number, query: () => string, seconds: number): Promise<Load> {
  const result = await autocannon({
    url: graphqlUrl(port),
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ ...post(query()), setupRequest: (request) => ({ ...request, body: post(query()).body }) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

async function startAll(env: NodeJS.ProcessEnv, children: ChildProcess[]) {
  const start = (name: string, entry: string, extra: NodeJS.ProcessEnv = {}) => {
    const { child, ready } = startChild(name, [entry], { env: { ...env, ...extra }, echo: false });
    children.push(child);
    return ready;
  };
  // As npm start runs them: one process serves the five subgraphs and the embedded database they share.
  await start("subgraphs", "subgraphs/run-together.ts");
  await Promise.all([OURS, HIVE].map((gateway) => start(gateway.name, gateway.entry, { PORT: String(gateway.port) })));
}

/** As the other serving benches run the hub, on the embedded database, with our gateway's response cache off: Hive Gateway runs without one. */
const environment = (dataDir: string): NodeJS.ProcessEnv => ({ ...hubEnvironment(dataDir, ""), RESPONSE_CACHE: "off" });

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

async function compare({ label, query }: (typeof SCENARIOS)[number]): Promise<BenchRow> {
  const first = query();
  if ((await answer(OURS.port, first)) !== (await answer(HIVE.port, first))) throw new Error(`the gateways disagree on ${label}`);
  for (const gateway of [OURS, HIVE]) await load(gateway.port, query, 2);
  const runs: Record<string, Load[]> = { ours: [], hive: [] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.ours.push(await load(OURS.port, query, SECONDS));
    runs.hive.push(await load(HIVE.port, query, SECONDS));
  }
  const [oursRate, hiveRate] = [runs.ours, runs.hive].map((loads) => mean(loads.map((run) => run.requestsPerSecond)));
  const [oursP99, hiveP99] = [runs.ours, runs.hive].map((loads) => mean(loads.map((run) => run.p99Ms)));
  const failures = [...runs.ours, ...runs.hive].reduce((sum, run) => sum + run.failures, 0);
  if (failures) throw new Error(`${failures} failed requests while loading ${label}`);
  return {
    benchmark: `throughput: ${label} (PGlite, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, alternating, response cache off)`,
    subject: OURS.name,
    baseline: HIVE.name,
    subjectValue: oursRate,
    baselineValue: hiveRate,
    unit: "requests/s (higher is better)",
    ratio: oursRate / hiveRate,
    note: `p99 ${oursP99.toFixed(0)} vs ${hiveP99.toFixed(0)} ms; identical answers checked first`,
  };
}

export async function throughputBenchmark(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "hub-throughput-"));
  const children: ChildProcess[] = [];
  try {
    await startAll(environment(dataDir), children);
    const rows: BenchRow[] = [];
    for (const scenario of SCENARIOS) {
      rows.push(await compare(scenario));
      console.log(
        `${rows.at(-1)!.benchmark}: ours ${rows.at(-1)!.subjectValue.toFixed(1)} req/s, Hive ${rows.at(-1)!.baselineValue.toFixed(1)} req/s, ratio ${rows.at(-1)!.ratio.toFixed(2)}`,
      );
    }
    return rows;
  } finally {
    for (const child of children) child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}
