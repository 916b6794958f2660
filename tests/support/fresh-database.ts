import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/**
 * A new, empty PostgreSQL database beside TEST_DATABASE_URL's, for a test that must start from
 * nothing (the shared one already holds the sample); `drop` removes it.
 */
export async function freshTestDatabase(suffix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `${base.pathname.slice(1)}_${suffix}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: base.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export interface FreshDatabase {
  /** The settings a hub process takes to use it: DATABASE_URL (empty for the embedded database) and a new data folder. */
  env: { DATABASE_URL: string; HUB_DATA_DIR: string };
  drop: () => Promise<void>;
}

/** A new, empty database of each kind the suite runs on: the embedded one always, PostgreSQL when TEST_DATABASE_URL is set. */
export const FRESH_DATABASES: { name: string; fresh: (suffix: string) => Promise<FreshDatabase> }[] = [
  {
    name: "the embedded database",
    fresh: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "hub-fresh-"));
      return { env: { DATABASE_URL: "", HUB_DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: "PostgreSQL",
          fresh: async (suffix: string) => {
            const { url, drop } = await freshTestDatabase(suffix);
            return { env: { DATABASE_URL: url, HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-fresh-")) }, drop };
          },
        },
      ]
    : []),
];
