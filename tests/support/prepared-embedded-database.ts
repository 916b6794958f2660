import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readConfig, SUBGRAPH_NAMES } from "../../shared/config.ts";
import { openSubgraphDatabase, seedSampleIfNew } from "../../subgraphs/index.ts";
import { codeFingerprint } from "../../subgraphs/shared/data-version/code-fingerprint.ts";
import { embeddedDatabaseFolder, startEmbeddedDatabase } from "../../subgraphs/shared/database/embedded-server/index.ts";
import { startEmbeddedDatabaseThread } from "./embedded-database-thread.ts";

const PREPARED = join(tmpdir(), "hub-test-embedded");
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The hub's one embedded database for a test hub, served by the test's process as `npm start`'s
 * launcher serves it, from a copy of a data folder already migrated and (with the sample) seeded.
 * Making that folder costs about 20 s of CPU (five subgraphs' migrations, the sample's rows);
 * copying it, a fraction of a second. It is made once per build of the code that decides the data
 * (the code fingerprint) and kind of start, in the system's temporary folder, and shared by the
 * suite's files; every copy is the test's own.
 */
export async function startPreparedEmbeddedDatabase(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const config = readConfig(env);
  const key = `${codeFingerprint()}-${config.sample ? `sample-x${config.sampleScale}` : "empty"}`;
  const prepared = join(PREPARED, key);
  if (!existsSync(prepared)) await prepare(prepared, env);
  cpSync(prepared, embeddedDatabaseFolder(config.dataDir), { recursive: true });
  return startEmbeddedDatabaseThread(config.dataDir, { idleInTransactionTimeoutMs: config.embeddedIdleInTransactionTimeoutMs });
}

/** Two files may prepare the same folder at once: each builds its own, the first to finish puts it in place. */
async function prepare(prepared: string, env: Record<string, string>): Promise<void> {
  mkdirSync(PREPARED, { recursive: true });
  removeStale();
  const building = mkdtempSync(join(PREPARED, "building-"));
  try {
    const config = readConfig({ ...env, HUB_DATA_DIR: building });
    const database = await startEmbeddedDatabase(building);
    try {
      for (const name of SUBGRAPH_NAMES) {
        const opened = await openSubgraphDatabase(name, config);
        await seedSampleIfNew(name, config, opened, "a start");
        await opened.close();
      }
    } finally {
      await database.stop();
    }
    renameSync(embeddedDatabaseFolder(building), prepared);
  } catch (error) {
    if (!existsSync(prepared)) throw error;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/** Folders of earlier builds, a day old: a machine that runs the suite often keeps only the recent ones. */
function removeStale(): void {
  for (const name of readdirSync(PREPARED)) {
    const path = join(PREPARED, name);
    if (Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true });
  }
}
