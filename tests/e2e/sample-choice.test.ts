import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig, SUBGRAPH_NAMES } from "../../shared/config.ts";
import { buildSubgraph, openSubgraphDatabase } from "../../subgraphs/index.ts";
import { postgresSchema } from "../../subgraphs/shared/database/migrations.ts";
import { hubCommand } from "../support/commands.ts";

const KENT_NOVEMBER_2018 = join(import.meta.dirname, "../fixtures/real-data/police-uk/2018-11-kent-street.csv");

/** The environment a new shell has: no HUB_SAMPLE, whatever the suite runs with. */
function cleanEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { HUB_SAMPLE: _sample, DATABASE_URL: _url, ...env } = process.env;
  return { ...env, HUB_DATA_DIR: dataDir, ...extra };
}

const hub = (dataDir: string, extra: NodeJS.ProcessEnv, ...args: string[]) =>
  spawnSync(process.execPath, hubCommand(...args), {
    encoding: "utf8",
    env: cleanEnv(dataDir, extra),
    cwd: process.cwd(),
  });

describe("the deployment's choice of sample, kept by the database (embedded)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "hub-sample-choice-"));

  it("a first start without the sample is followed by an import run with a clean environment: no synthetic batch anywhere", async () => {
    const config = readConfig(cleanEnv(dataDir, { HUB_SAMPLE: "none", GATEWAY_SECRET: "test" }));
    for (const name of SUBGRAPH_NAMES) await (await buildSubgraph(name, config)).close();

    const imported = hub(dataDir, {}, "import", "police-uk-street", KENT_NOVEMBER_2018, "--json");
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject([{ status: "LOADED", rowsRead: 13_818, rowsLoaded: 11_690, supersededBatchIds: [] }]);

    const clean = readConfig(cleanEnv(dataDir));
    for (const name of SUBGRAPH_NAMES) {
      const database = await openSubgraphDatabase(name, clean);
      try {
        const batches = await database.sql.query<{ kind: string; synthetic: boolean }>(
          `SELECT kind, synthetic FROM "${postgresSchema(name)}".import_batch`,
        );
        expect(
          batches.filter((batch) => batch.synthetic),
          name,
        ).toEqual([]);
        const [choice] = await database.sql.query<{ holds_sample: boolean; decided_by: string }>(
          `SELECT holds_sample, decided_by FROM "${postgresSchema(name)}".sample_choice`,
        );
        expect(choice, name).toEqual({ holds_sample: false, decided_by: "a start with HUB_SAMPLE=none" });
      } finally {
        await database.close();
      }
    }
  }, 120_000);

  it("a command asking for the sample on that database says so in one line and changes nothing", () => {
    const refused = hub(dataDir, { HUB_SAMPLE: "synthetic" }, "import", "police-uk-street", KENT_NOVEMBER_2018);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^hub import: the forces database was set up without the synthetic sample \(decided on \d{4}-\d{2}-\d{2} by a start with HUB_SAMPLE=none\); asking for it changes nothing/,
      ),
    ]);
  }, 60_000);

  it("a start asking for none on a database holding the sample refuses in one line, and hub sample remove is the way", async () => {
    const sampleDir = mkdtempSync(join(tmpdir(), "hub-sample-choice-"));
    const withSample = readConfig(cleanEnv(sampleDir, { GATEWAY_SECRET: "test" }));
    await (await buildSubgraph("workforce", withSample)).close();
    const noSample = readConfig(cleanEnv(sampleDir, { HUB_SAMPLE: "none", GATEWAY_SECRET: "test" }));
    await expect(buildSubgraph("workforce", noSample)).rejects.toThrow(
      /^the workforce database holds the synthetic sample \(decided on .* by a start \(the sample by default\)\); asking for none does not remove it: run `hub sample remove`$/,
    );
    const removed = hub(sampleDir, {}, "sample", "remove", "--json");
    expect(removed.status, removed.stderr).toBe(0);
    await (await buildSubgraph("workforce", noSample)).close();
  }, 120_000);
});
