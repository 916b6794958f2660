/**
 * Gateway overhead: the NationalPicture query and a single-force query through the gateway, against
 * the same data fetched from the subgraphs directly (the sum of the direct calls the plan makes),
 * the gateway's response cache off so that both sides do the work; the cache's gain in a row of
 * its own; and embedded vs server: NationalPicture on PGlite against PostgreSQL, uncached on both.
 */
import { signRequest } from "../shared/auth/signed-request.ts";
import { startHub, TEST_SECRET, type RunningHub } from "../tests/support/hub.ts";
import { NATIONAL_PICTURE, ONE_FORCE_PICTURE } from "../tests/support/queries.ts";
import { benchDatabase } from "./support/database.ts";
import { median, percentile, timeRuns } from "./support/measure.ts";
import type { BenchRow } from "./support/report.ts";

const RUNS = 60;
const FROM_TO = 'from: "2025-04-01", to: "2026-03-31"';

async function direct(url: string, query: string, variables?: Record<string, unknown>) {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signRequest(TEST_SECRET, { subject: "bench", role: "PUBLIC" }, body) },
    body,
  });
  const result = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data ?? {};
}

/** The calls the gateway's plan makes, made one after another straight to the subgraphs. */
async function directPlan(hub: RunningHub, forceId?: string) {
  const urls = hub.subgraphUrls;
  const selection = "__typename id gssCode name region { name } population regionForceIds mostSimilarGroupForceIds";
  const data = await direct(urls.forces, forceId ? `{ force(id: "${forceId}") { ${selection} } }` : `{ forces { ${selection} } }`);
  const forces = (forceId ? [data.force] : data.forces) as Record<string, unknown>[];
  const entities = (fields: string, keys: string[]) => ({
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Force { ${fields} } } }`,
    representations: forces.map((force) =>
      Object.fromEntries([["__typename", "Force"], ["id", force.id], ...keys.map((key): [string, unknown] => [key, force[key]])]),
    ),
  });
  const calls: [string, { query: string; representations: unknown[] }][] = [
    [
      urls["response-times"],
      entities(
        `responseTimes(${FROM_TO}) { emergency { incidents attendanceMedianMinutes attendanceP90Minutes withinStandardShare } calls999 { answeredWithin10sShare meanAnswerSeconds } }`,
        ["regionForceIds", "mostSimilarGroupForceIds"],
      ),
    ],
    [
      urls["crime-priorities"],
      entities(`crimePriorities(${FROM_TO}) { knifeCrime { offences ratePer1000 } vawg { offences ratePer1000 } csa { offences } }`, [
        "population",
      ]),
    ],
    [urls.workforce, entities(`workforce(asAt: "2025-03-31") { officersFte staffFte pcsoFte neighbourhoodFte }`, [])],
    [urls.misconduct, entities(`misconduct(${FROM_TO}) { casesOpened proceedingsHeld dismissals }`, [])],
  ];
  for (const [url, call] of calls) await direct(url, call.query, { r: call.representations });
}

const viaGateway = (hub: RunningHub, query: string) => async () => {
  const { body } = await hub.graphql(query);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
};

function row(benchmark: string, subject: string, baseline: string, subjectTimes: number[], baselineTimes: number[]): BenchRow {
  return {
    benchmark,
    subject,
    baseline,
    subjectValue: median(subjectTimes),
    baselineValue: median(baselineTimes),
    unit: "ms (p50)",
    ratio: median(subjectTimes) / median(baselineTimes),
    note: `p99 ${percentile(subjectTimes, 0.99).toFixed(1)} vs ${percentile(baselineTimes, 0.99).toFixed(1)} ms over ${RUNS} runs`,
  };
}

/** The hub in this process with its response cache off, so that a row compares work done with work done. */
const uncachedHub = (databaseUrl?: string) => startHub(databaseUrl, { env: { RESPONSE_CACHE: "off" } });

export async function gatewayBenchmark(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const embedded = await uncachedHub();
  try {
    const nationalGateway = await timeRuns(viaGateway(embedded, NATIONAL_PICTURE), RUNS, 5);
    const nationalDirect = await timeRuns(() => directPlan(embedded), RUNS, 5);
    rows.push(
      row(
        "gateway overhead: NationalPicture, 43 forces (PGlite, response cache off)",
        "through the gateway",
        "sum of the direct subgraph calls",
        nationalGateway,
        nationalDirect,
      ),
    );
    const singleGateway = await timeRuns(viaGateway(embedded, ONE_FORCE_PICTURE), RUNS, 5);
    const singleDirect = await timeRuns(() => directPlan(embedded, "kent"), RUNS, 5);
    rows.push(
      row(
        "gateway overhead: one force (PGlite, response cache off)",
        "through the gateway",
        "sum of the direct subgraph calls",
        singleGateway,
        singleDirect,
      ),
    );
    rows.push(await cacheGain(nationalGateway));
    const server = await uncachedHub(await benchDatabase("hub_bench_server"));
    try {
      const onServer = await timeRuns(viaGateway(server, NATIONAL_PICTURE), RUNS, 5);
      rows.push(
        row(
          "embedded vs server: NationalPicture through the gateway (response cache off)",
          "PGlite (embedded)",
          "PostgreSQL",
          nationalGateway,
          onServer,
        ),
      );
    } finally {
      await server.stop();
    }
  } finally {
    await embedded.stop();
  }
  for (const result of rows)
    console.log(
      `${result.benchmark}: ${result.subjectValue.toFixed(1)} vs ${result.baselineValue.toFixed(1)} ms, ratio ${result.ratio.toFixed(2)}`,
    );
  return rows;
}

/** The response cache's own row: the same query through a gateway with its cache on (warm), against the uncached times. */
async function cacheGain(uncachedTimes: number[]): Promise<BenchRow> {
  const cached = await startHub();
  try {
    await cached.cacheReady();
    const cachedTimes = await timeRuns(viaGateway(cached, NATIONAL_PICTURE), RUNS, 5);
    return row(
      "response cache gain: NationalPicture through the gateway (PGlite)",
      "response cache on, warm",
      "response cache off",
      cachedTimes,
      uncachedTimes,
    );
  } finally {
    await cached.stop();
  }
}
