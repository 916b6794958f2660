/**
 * Ingest: a generated 1-million-row data.police.uk street CSV loaded by `hub import` into PostgreSQL,
 * against a raw COPY of the same file into the same database in the same run.
 */
import { createReadStream, createWriteStream, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { policeUkStreetImporter, STREET_HEADER } from "../subgraphs/crime-priorities/importers/police-uk-street.ts";
import { readConfig } from "../shared/config.ts";
import { openDatabase } from "../subgraphs/shared/database/open.ts";
import { openSubgraphDatabase } from "../subgraphs/index.ts";
import { loadForceResolver } from "../subgraphs/shared/ingest/force-resolver.ts";
import { runImport } from "../subgraphs/shared/ingest/run-import.ts";
import { referenceForces } from "../subgraphs/shared/reference/forces.ts";
import { SeededRandom } from "../subgraphs/shared/sample/random.ts";
import type { BenchRow } from "./support/report.ts";

const ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 1_000_000);
const CRIME_TYPES = [
  "Violence and sexual offences",
  "Anti-social behaviour",
  "Shoplifting",
  "Criminal damage and arson",
  "Other theft",
  "Public order",
  "Vehicle crime",
  "Burglary",
  "Drugs",
  "Possession of weapons",
  "Robbery",
];

async function writeStreetCsv(file: string): Promise<void> {
  const random = new SeededRandom(1_000_000);
  const forces = referenceForces();
  const out = createWriteStream(file);
  out.write(`${STREET_HEADER.join(",")}\n`);
  for (let n = 0; n < ROWS; n++) {
    const force = random.pick(forces);
    const crimeType = random.pick(CRIME_TYPES);
    const id = crimeType === "Anti-social behaviour" ? "" : n.toString(16).padStart(64, "0");
    const line = `${id},2024-${String(1 + (n % 12)).padStart(2, "0")},${force.name},${force.name},${(-2 + random.next()).toFixed(6)},${(52 + random.next()).toFixed(6)},"On or near Station Road, Town",E0100${n % 10000},Town ${n % 100}A,${crimeType},Under investigation,\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function freshDatabase(name: string): Promise<string> {
  const server = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function rawCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE raw_street (${STREET_HEADER.map((column) => `"${column}" text`).join(", ")})`);
  const started = performance.now();
  await pipeline(createReadStream(file), client.query(copyFrom(`COPY raw_street FROM STDIN WITH (FORMAT csv, HEADER true)`)));
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

export async function ingestBenchmark(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), "hub-bench-ingest-"));
  const file = join(folder, "2024-bench-street.csv");
  await writeStreetCsv(file);
  console.log(`generated ${ROWS.toLocaleString("en-GB")} street rows (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
  const url = await freshDatabase("hub_bench_ingest");
  const config = readConfig({ DATABASE_URL: url, HUB_DATA_DIR: folder });
  const [forcesDb, crimeDb] = [await openSubgraphDatabase("forces", config), await openDatabase("crime-priorities", config)];
  try {
    const forces = await loadForceResolver(forcesDb.sql);
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const result = await runImport(policeUkStreetImporter, file, crimeDb.sql, forces);
    const hubSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (result.status !== "LOADED") throw new Error(`bench import was ${result.status}`);
    const copySeconds = await rawCopy(url, file);
    const hubRate = ROWS / hubSeconds;
    const copyRate = ROWS / copySeconds;
    console.log(
      `hub import ${Math.round(hubRate).toLocaleString("en-GB")} rows/s (peak RSS ${(peakRss / 1e6).toFixed(0)} MB); raw COPY ${Math.round(copyRate).toLocaleString("en-GB")} rows/s`,
    );
    return [
      {
        benchmark: `ingest: ${(ROWS / 1e6).toFixed(1)}M-row police.uk street CSV into PostgreSQL`,
        subject: "hub import (stream, validate, aggregate, one transaction), rows/s",
        baseline: "raw COPY of the same file into the same database, rows/s",
        subjectValue: hubRate,
        baselineValue: copyRate,
        unit: "rows/s",
        ratio: hubRate / copyRate,
        note: `hub ${hubSeconds.toFixed(1)} s, COPY ${copySeconds.toFixed(1)} s; RSS ${(rssBefore / 1e6).toFixed(0)} MB before the import, peak ${(peakRss / 1e6).toFixed(0)} MB during it`,
      },
    ];
  } finally {
    await crimeDb.close();
    await forcesDb.close();
  }
}
