import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forcesSubgraph } from "../../subgraphs/forces/server.ts";
import { IMPORTERS } from "../../subgraphs/importers.ts";
import { buildSubgraph } from "../../subgraphs/index.ts";
import { readConfig } from "../../subgraphs/shared/config.ts";
import { openDatabase, type Database } from "../../subgraphs/shared/database/open.ts";
import { closeServer, listen } from "../../subgraphs/shared/http/listen.ts";
import { loadForceResolver } from "../../subgraphs/shared/ingest/force-resolver.ts";
import { runImport } from "../../subgraphs/shared/ingest/run-import.ts";
import { seedIfEmpty } from "../../subgraphs/shared/sample/seed-if-empty.ts";
import type { PrismaLike, Subgraph } from "../../subgraphs/shared/subgraph.ts";
import { postJson, subgraphHeaders, TEST_SECRET } from "../support/hub.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/ingest");

const QUERY = `query($r: [_Any!]!, $on: LocalDate) { _entities(representations: $r) { ... on Force {
  crimePriorities(from: "2024-01-01", to: "2024-01-31", asPublishedOn: $on) { recordedOffences knifeCrime { offences ratePer1000 } sources { batchId file } }
  crimePriorityMeasures(from: "2024-01-01", to: "2024-01-31", asPublishedOn: $on) { comparisons(measures: ["KNIFE_CRIME_RATE_PER_1000"]) { value } }
} } }`;
const KENT = { __typename: "Force", id: "kent", population: 1_000_000, regionForceIds: ["kent"], mostSimilarGroupForceIds: ["kent"], forcePopulations: [{ forceId: "kent", population: 1_000_000 }] };

describe("figures as published on a date", () => {
  let subgraph: Subgraph<PrismaLike>;
  let forcesDatabase: Database;
  let server: Awaited<ReturnType<typeof listen>>;
  const batchIds: number[] = [];

  beforeAll(async () => {
    const config = readConfig({ HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-as-published-")), GATEWAY_SECRET: TEST_SECRET });
    forcesDatabase = await openDatabase("forces", config, { inMemory: true });
    await seedIfEmpty("forces", forcesDatabase.sql, (sql, batchId) => forcesSubgraph.seedSampleData(sql, batchId, {}));
    const forces = await loadForceResolver(forcesDatabase.sql);
    subgraph = await buildSubgraph("crime-priorities", config, { inMemory: true, seed: false });
    const { sql } = subgraph.database;
    // The first file published in March 2024, its revision in April: loads are dated as they would have been.
    for (const [file, finishedAt] of [["street/2024-01/2024-01-kent-street.csv", "2024-03-01T12:00:00Z"], ["street-revised/2024-01-kent-street.csv", "2024-04-10T22:30:00Z"]]) {
      const result = await runImport(IMPORTERS["police-uk-street"], join(FIXTURES, file), sql, forces, {});
      batchIds.push(result.batchId!);
      await sql.query(`UPDATE crime_priorities.import_batch SET finished_at = $2 WHERE id = $1`, [result.batchId, finishedAt]);
    }
    server = await listen(subgraph.http.app, 0, "127.0.0.1");
  });
  afterAll(async () => {
    if (server) await closeServer(server.server);
    await subgraph?.close();
    await forcesDatabase?.close();
  });

  const ask = async (on: string | null) => {
    const { body } = await postJson(`${server.url}/graphql`, { query: QUERY, variables: { r: [KENT], on } }, subgraphHeaders());
    expect(body.errors).toBeUndefined();
    return body.data!._entities[0];
  };

  it("gives the latest figures by default: the revision's", async () => {
    const { crimePriorities, crimePriorityMeasures } = await ask(null);
    expect(crimePriorities).toMatchObject({ recordedOffences: 3, knifeCrime: { offences: 3, ratePer1000: 0.003 }, sources: [{ batchId: String(batchIds[1]) }] });
    expect(crimePriorityMeasures.comparisons[0].value).toBe(0.003);
  });

  it("gives the figures of the first file as published between the two, though the revision replaced its rows", async () => {
    const { crimePriorities, crimePriorityMeasures } = await ask("2024-03-15");
    expect(crimePriorities).toMatchObject({ recordedOffences: 3, knifeCrime: { offences: 2, ratePer1000: 0.002 }, sources: [{ batchId: String(batchIds[0]), file: "2024-01-kent-street.csv" }] });
    expect(crimePriorityMeasures.comparisons[0].value).toBe(0.002);
  });

  it("counts a load finished late in the evening (UK time) on that day, and nothing before the first load", async () => {
    // 22:30 UTC on 10 April 2024 is 23:30 in London (BST): still the 10th there.
    expect((await ask("2024-04-10")).crimePriorities.knifeCrime.offences).toBe(3);
    expect((await ask("2024-04-09")).crimePriorities.knifeCrime.offences).toBe(2);
    expect((await ask("2024-02-29")).crimePriorities).toMatchObject({ recordedOffences: 0, knifeCrime: { offences: 0 }, sources: [] });
  });
});
