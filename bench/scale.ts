/**
 * Scale: the emergency attendance P90 league table (force × month, one year) at about 10 million
 * incidents on PostgreSQL, from the histogram pre-aggregates through the response-times subgraph,
 * against percentile_cont over the raw incidents in the same database.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSubgraph } from "../subgraphs/index.ts";
import { readConfig } from "../shared/config.ts";
import { signRequest } from "../shared/auth/signed-request.ts";
import { closeServer, listen } from "../shared/http/listen.ts";
import { benchDatabase } from "./support/database.ts";
import { median, percentile, timeRuns } from "./support/measure.ts";
import type { BenchRow } from "./support/report.ts";

const SCALE = Number(process.env.BENCH_SCALE ?? 100);
const SECRET = "bench-secret";
const LEAGUE_TABLE = `{ responseTimeLeagueTable(measureId: EMERGENCY_ATTENDANCE_P90_MINUTES, from: "2025-04-01", to: "2026-03-31") {
  force { id } value rank monthly { month value } } }`;
const RAW_LEAGUE_TABLE = `
  SELECT force_id, month, percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM arrived_at - call_connected_at) / 60) AS p90
  FROM response_times.incident
  WHERE grade = 'EMERGENCY' AND month BETWEEN '2025-04-01' AND '2026-03-01'
  GROUP BY ROLLUP (force_id, month)`;

export async function scaleBenchmark(): Promise<BenchRow[]> {
  const url = await benchDatabase(`hub_bench_scale_${SCALE}`);
  const config = readConfig({ DATABASE_URL: url, GATEWAY_SECRET: SECRET, HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-bench-")) });
  const started = performance.now();
  const subgraph = await buildSubgraph("response-times", config, { scale: SCALE, progress: (message) => console.log(message) });
  console.log(`response-times ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // The steady state autovacuum reaches after a load: visibility map set, so the covering index is read alone.
  for (const table of ["attendance_histogram", "attendance_month", "attendance_month_percentile", "incident"]) {
    await subgraph.database.sql.query(`VACUUM ANALYZE response_times.${table}`);
  }
  const { server, url: subgraphUrl } = await listen(subgraph.http.app, 0, "127.0.0.1");
  try {
    const [{ incidents }] = await subgraph.database.sql.query<{ incidents: number }>(
      "SELECT count(*)::int AS incidents FROM response_times.incident",
    );
    const viaHistograms = await timeRuns(async () => {
      const request = JSON.stringify({ query: LEAGUE_TABLE });
      const response = await fetch(`${subgraphUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...signRequest(SECRET, { subject: "bench", role: "HOME_OFFICE" }, request) },
        body: request,
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    }, 20);
    const raw = await timeRuns(() => subgraph.database.sql.query(RAW_LEAGUE_TABLE), 3, 1);
    console.log(
      `${incidents.toLocaleString("en-GB")} incidents; league table via histograms p50 ${median(viaHistograms).toFixed(1)} ms, p95 ${percentile(viaHistograms, 0.95).toFixed(1)} ms; raw percentile_cont p50 ${median(raw).toFixed(0)} ms`,
    );
    return [
      {
        benchmark: `scale: P90 league table, force × month for a year, ${(incidents / 1e6).toFixed(1)}M incidents (PostgreSQL)`,
        subject: "histogram pre-aggregates via the subgraph (HTTP, p50)",
        baseline: "percentile_cont over raw incidents (SQL only, p50)",
        subjectValue: median(viaHistograms),
        baselineValue: median(raw),
        unit: "ms",
        ratio: median(viaHistograms) / median(raw),
        note: `p95 ${percentile(viaHistograms, 0.95).toFixed(1)} ms over 20 runs; raw over 3 runs`,
      },
    ];
  } finally {
    await closeServer(server);
    await subgraph.close();
  }
}
