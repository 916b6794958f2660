import { policeUkStreetImporter as imp } from "./subgraphs/crime-priorities/importers/police-uk-street.ts";
import { readConfig } from "./subgraphs/shared/config.ts";
import { openDatabase } from "./subgraphs/shared/database/open.ts";
import { loadForceResolver } from "./subgraphs/shared/ingest/force-resolver.ts";
const cfg = readConfig({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/hub_bench_ingest", HUB_DATA_DIR: "/tmp/xx" });
const fdb = await openDatabase("forces", cfg); const forces = await loadForceResolver(fdb.sql);
const cdb = await openDatabase("crime-priorities", cfg);
const lookup = await imp.prepare!(cdb.sql);
let t = performance.now(); let n = 0; let rows: any[] = [];
for await (const batch of imp.read("/tmp/hub-bench-ingest-3v2Md3/2024-bench-street.csv", { bytesRead: 0 })) { n += batch.length; }
console.log("read", n, (performance.now() - t).toFixed(0));
t = performance.now(); n = 0;
for await (const batch of imp.read("/tmp/hub-bench-ingest-3v2Md3/2024-bench-street.csv", { bytesRead: 0 })) { for (const r of batch) { if ("fields" in r) { const p = imp.parse(r.fields, { file: "f", line: r.line, forces, lookup }); if ("row" in p) rows.push(p.row); } } }
console.log("read+parse", rows.length, (performance.now() - t).toFixed(0));
t = performance.now();
await cdb.sql.transaction(async (tx) => { for (let i = 0; i < rows.length; i += 10000) await imp.write(tx, rows.slice(i, i + 10000), 999); throw new Error("rollback"); }).catch(() => {});
console.log("write", (performance.now() - t).toFixed(0));
process.exit(0);
