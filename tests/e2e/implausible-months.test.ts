import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../shared/config.ts";
import { closeServer, listen } from "../../shared/http/listen.ts";
import { buildSubgraph } from "../../subgraphs/index.ts";
import { postJson, subgraphHeaders } from "../support/hub.ts";
import { hubCommand } from "../support/commands.ts";

const KENT_NOVEMBER_2018 = join(import.meta.dirname, "../fixtures/real-data/police-uk/2018-11-kent-street.csv");
const NOTE =
  "kent 2018-12: 150 recorded offences (data.police.uk street file), under half the median of its 1 other loaded month (11,690): possibly a partial submission";

/** A December file of 150 crimes: the first 150 of the real November file, moved a month on, as a force's partial submission would look. */
function partialDecember(folder: string): string {
  const [header, ...rows] = readFileSync(KENT_NOVEMBER_2018, "utf8").trimEnd().split("\n");
  const crimes = rows
    .filter((row) => !row.includes("Anti-social behaviour"))
    .slice(0, 150)
    .map((row) => row.replace(",2018-11,", ",2018-12,"));
  const file = join(folder, "2018-12-kent-street.csv");
  writeFileSync(file, [header, ...crimes].join("\n") + "\n");
  return file;
}

describe("an implausible month loads flagged, not unremarked (embedded)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "hub-implausible-"));
  const env = { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: "", HUB_SAMPLE: "none", GATEWAY_SECRET: "test-gateway-secret" };
  const hub = (...args: string[]) => spawnSync(process.execPath, hubCommand(...args), { encoding: "utf8", env, cwd: process.cwd() });
  let close = async () => undefined as void;
  afterAll(() => close());

  it("hub import names the force, month and counts in a warning line, and hub status lists the month", () => {
    const november = hub("import", "police-uk-street", KENT_NOVEMBER_2018);
    expect(november.status, november.stderr).toBe(0);
    expect(november.stderr).not.toContain("warning:");
    const december = hub("import", "police-uk-street", partialDecember(dataDir));
    expect(december.status, december.stderr).toBe(0);
    expect(december.stdout).toContain("loaded as batch");
    expect(december.stderr).toContain(`  warning: ${NOTE}`);
    const status = hub("status");
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain(`Months flagged as implausible (loaded; possibly partial submissions):\n  police-uk-street: ${NOTE}`);
  }, 120_000);

  it("carries a quality note on the figures counted from the month, and on no other", async () => {
    const subgraph = await buildSubgraph("crime-priorities", readConfig(env));
    const server = await listen(subgraph.http.app, 0, "127.0.0.1");
    close = async () => {
      await closeServer(server.server);
      await subgraph.close();
    };
    const kent = { __typename: "Force", id: "kent", population: 1_727_665, populationEstimates: [] };
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Force {
      december: crimePriorities(from: "2018-12-01", to: "2018-12-31") { recordedOffences qualityNotes possessionOfWeapons { qualityNotes } }
      november: crimePriorities(from: "2018-11-01", to: "2018-11-30") { recordedOffences qualityNotes }
    } } }`;
    const { body } = await postJson(`${server.url}/graphql`, { query, variables: { r: [kent] } }, subgraphHeaders());
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities[0]).toEqual({
      december: { recordedOffences: 150, qualityNotes: [NOTE], possessionOfWeapons: { qualityNotes: [NOTE] } },
      november: { recordedOffences: 11_690, qualityNotes: [] },
    });
  }, 60_000);
});
