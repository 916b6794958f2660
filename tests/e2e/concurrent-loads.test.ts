import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBatches } from "../../scripts/hub/batches.ts";
import { openSubgraphDatabase } from "../../subgraphs/index.ts";
import { readConfig } from "../../shared/config.ts";
import { FRESH_DATABASES, type FreshDatabase } from "../support/fresh-database.ts";
import { hubCommand } from "../support/commands.ts";

const CONCURRENT = join(import.meta.dirname, "../fixtures/real-data/concurrent");

/** Runs `hub import` as its own process, as two operators would in two terminals on one machine. */
function hubImport(database: FreshDatabase, file: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, hubCommand("import", "police-uk-street", file, "--json"), {
      cwd: process.cwd(),
      env: { ...process.env, ...database.env, HUB_SAMPLE: "none" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

// On the embedded database with no hub running, the first command serves the folder and the second waits for it.
describe.each(FRESH_DATABASES)("two hub imports of the same force and month started together, on $name", ({ fresh }) => {
  let database: FreshDatabase;

  beforeAll(async () => {
    database = await fresh("concurrent");
  });
  afterAll(() => database.drop());

  it("both end cleanly on a new database, and the later supersedes the earlier", async () => {
    const runs = await Promise.all(
      ["first", "second"].map((folder) => hubImport(database, join(CONCURRENT, folder, "2025-06-kent-street.csv"))),
    );
    for (const run of runs) {
      expect(run.stderr, run.stderr).not.toMatch(/\n\s+at /);
      expect(run.status, run.stderr).toBe(0);
      // A command that waits for the other names it once, however long it waits.
      expect(run.stderr.match(/waiting for process \d+/g)?.length ?? 0, run.stderr).toBeLessThanOrEqual(1);
    }
    const [first, second] = runs.map((run) => JSON.parse(run.stdout)[0]);
    expect([first.status, second.status]).toEqual(["LOADED", "LOADED"]);
    const [earlier, later] = first.batchId < second.batchId ? [first, second] : [second, first];
    expect(earlier.supersededBatchIds).toEqual([]);
    expect(later.supersededBatchIds).toEqual([earlier.batchId]);

    const opened = await openSubgraphDatabase("crime-priorities", readConfig(database.env));
    try {
      const batches = await listBatches(opened.sql, "crime-priorities", { forceId: "kent" });
      expect(batches.map(({ batch, status, liveUnits, supersededUnits }) => ({ batch, status, liveUnits, supersededUnits }))).toEqual([
        { batch: `crime-priorities:${Math.min(first.batchId, second.batchId)}`, status: "SUPERSEDED", liveUnits: 0, supersededUnits: 1 },
        { batch: `crime-priorities:${Math.max(first.batchId, second.batchId)}`, status: "LOADED", liveUnits: 1, supersededUnits: 0 },
      ]);
      const [{ offences, batches: batchesWithRows }] = await opened.sql.query<{ offences: number; batches: number }>(
        `SELECT sum(offences)::int AS offences, count(DISTINCT batch_id)::int AS batches FROM crime_priorities.recorded_offence WHERE force_id = 'kent' AND month = '2025-06-01'`,
      );
      // Only the later file's crimes stand: 2 from the first file, 3 from the second.
      expect({ offences, batches: batchesWithRows }).toEqual({ offences: later.rowsLoaded, batches: 1 });
    } finally {
      await opened.close();
    }
  }, 180_000);
});
