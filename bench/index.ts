/** npm run bench [-- name ...]: runs the benchmarks (all by default), prints a table and writes bench/results/. */
import { execFileSync } from "node:child_process";
import { footprintBenchmark } from "./footprint.ts";
import { gatewayBenchmark } from "./gateway.ts";
import { ingestBenchmark } from "./ingest.ts";
import { nPlusOneBenchmark } from "./n-plus-one.ts";
import { scaleBenchmark } from "./scale.ts";
import { servingBenchmark } from "./serving/index.ts";
import { throughputBenchmark } from "./throughput/index.ts";
import { report } from "./support/report.ts";

const BENCHMARKS: Record<string, () => Promise<import("./support/report.ts").BenchRow[]>> = {
  scale: scaleBenchmark,
  ingest: ingestBenchmark,
  gateway: gatewayBenchmark,
  throughput: throughputBenchmark,
  "n-plus-one": nPlusOneBenchmark,
  serving: servingBenchmark,
  footprint: footprintBenchmark,
};

const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BENCHMARKS);
const unknown = chosen.filter((name) => !BENCHMARKS[name]);
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(2);
}
// The hub's processes run as npm start runs them: compiled (scripts/build-runtime.mjs).
execFileSync(process.execPath, ["scripts/build-runtime.mjs"], { stdio: "inherit" });
const rows = [];
for (const name of chosen) rows.push(...(await BENCHMARKS[name]()));
report("latest", rows, { node: process.version, scale: process.env.BENCH_SCALE ?? 100 });
process.exit(0);
