import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { afterRowsChange, IMPORTERS, REVISABLE_TABLES } from "../../subgraphs/importers.ts";
import { withdrawBatch } from "../../subgraphs/shared/ingest/withdraw.ts";
import { buildSubgraph, openSubgraphDatabase } from "../../subgraphs/index.ts";
import { readConfig, type SubgraphName } from "../../shared/config.ts";
import type { Database } from "../../subgraphs/shared/database/open.ts";
import { closeServer, listen } from "../../shared/http/listen.ts";
import { loadForceResolver } from "../../subgraphs/shared/ingest/force-resolver.ts";
import { runImport, type ImportResult } from "../../subgraphs/shared/ingest/run-import.ts";
import type { PrismaLike, Subgraph } from "../../subgraphs/shared/subgraph.ts";
import { postJson, subgraphHeaders, TEST_SECRET } from "../support/hub.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/ingest");

const QUERY = `query($r: [_Any!]!, $on: LocalDate) { _entities(representations: $r) { ... on Force {
  crimePriorities(from: "2024-01-01", to: "2024-01-31", asPublishedOn: $on) { recordedOffences possessionOfWeapons { offences ratePer1000 } sources { batchId file } }
  crimePriorityMeasures(from: "2024-01-01", to: "2024-01-31", asPublishedOn: $on) { comparisons(measureIds: [KNIFE_CRIME_RATE_PER_1000]) { value unavailableReason } }
} } }`;
const KENT = {
  __typename: "Force",
  id: "kent",
  population: 1_000_000,
  regionForceIds: ["kent"],
  mostSimilarGroupForceIds: ["kent"],
  forcePopulations: [{ forceId: "kent", population: 1_000_000 }],
};

/** A crime-priorities subgraph in memory, serving street files loaded in the order given with their publication days. */
async function streetFilesServed(loads: [file: string, publishedOn: string][]) {
  const config = readConfig({ HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-as-published-")), GATEWAY_SECRET: TEST_SECRET });
  const forcesDatabase = await openSubgraphDatabase("forces", config, { inMemory: true });
  const forces = await loadForceResolver(forcesDatabase.sql);
  const subgraph = await buildSubgraph("crime-priorities", config, { inMemory: true, seed: false });
  const results: ImportResult[] = [];
  for (const [file, publishedOn] of loads) {
    results.push(
      await runImport(IMPORTERS["police-uk-street"], join(FIXTURES, file), subgraph.database.sql, forces, {
        publishedOn: new Date(publishedOn),
      }),
    );
  }
  const server = await listen(subgraph.http.app, 0, "127.0.0.1");
  return {
    subgraph,
    results,
    ask: async (on: string | null) => {
      const { body } = await postJson(`${server.url}/graphql`, { query: QUERY, variables: { r: [KENT], on } }, subgraphHeaders());
      expect(body.errors).toBeUndefined();
      return body.data!._entities[0];
    },
    close: async () => {
      await closeServer(server.server);
      await subgraph.close();
      await forcesDatabase.close();
    },
  };
}

const FIRST = "street/2024-01/2024-01-kent-street.csv";
const REVISION = "street-revised/2024-01-kent-street.csv";

describe("figures as published on a date", () => {
  let served: Awaited<ReturnType<typeof streetFilesServed>>;
  let batchIds: number[] = [];

  beforeAll(async () => {
    // The first file published in March 2024, its revision in April, both loaded today: dated by publication.
    served = await streetFilesServed([
      [FIRST, "2024-03-01"],
      [REVISION, "2024-04-10"],
    ]);
    expect(served.results.map(({ publishedOn, publishedOnSource }) => ({ publishedOn, publishedOnSource }))).toEqual([
      { publishedOn: "2024-03-01", publishedOnSource: "option" },
      { publishedOn: "2024-04-10", publishedOnSource: "option" },
    ]);
    batchIds = served.results.map((result) => result.batchId!);
  });
  afterAll(() => served?.close());

  const ask = (on: string | null) => served.ask(on);

  it("gives the latest figures by default: the revision's", async () => {
    const { crimePriorities, crimePriorityMeasures } = await ask(null);
    expect(crimePriorities).toMatchObject({
      recordedOffences: 3,
      possessionOfWeapons: { offences: 3, ratePer1000: 0.003 },
      sources: [{ batchId: String(batchIds[1]) }],
    });
    // Street files cannot measure knife crime: no value, and the reason says so.
    expect(crimePriorityMeasures.comparisons[0]).toEqual({
      value: null,
      unavailableReason: "No loaded source covers knife crime for this force in the period",
    });
  });

  it("gives the figures of the first file as published between the two, though the revision replaced its rows", async () => {
    const { crimePriorities, crimePriorityMeasures } = await ask("2024-03-15");
    expect(crimePriorities).toMatchObject({
      recordedOffences: 3,
      possessionOfWeapons: { offences: 2, ratePer1000: 0.002 },
      sources: [{ batchId: String(batchIds[0]), file: "2024-01-kent-street.csv" }],
    });
    expect(crimePriorityMeasures.comparisons[0].value).toBeNull();
  });

  it("counts a publication from its day (UK time), and nothing before the first", async () => {
    expect((await ask("2024-04-10")).crimePriorities.possessionOfWeapons.offences).toBe(3);
    expect((await ask("2024-04-09")).crimePriorities.possessionOfWeapons.offences).toBe(2);
    // Before the first load nothing covers the month: null, not zero.
    expect((await ask("2024-02-29")).crimePriorities).toMatchObject({
      recordedOffences: null,
      possessionOfWeapons: { offences: null },
      sources: [],
    });
  });
});

describe("history backfilled: an older publication loaded after its revision", () => {
  let served: Awaited<ReturnType<typeof streetFilesServed>>;
  let loaded: { revision: ImportResult; first: ImportResult };

  beforeAll(async () => {
    // The April 2024 revision first, then the March 2024 file it revised, as an archive is loaded newest first.
    served = await streetFilesServed([
      [REVISION, "2024-04-10"],
      [FIRST, "2024-03-01"],
    ]);
    const [revision, first] = served.results;
    loaded = { revision, first };
  });
  afterAll(() => served?.close());

  const ask = async (on: string | null) => (await served.ask(on)).crimePriorities;

  it("keeps the revision as the latest figures: the older file yields to it and says so", async () => {
    expect(loaded.first).toMatchObject({
      status: "LOADED",
      supersededBatchIds: [],
      supersededByLaterPublications: [loaded.revision.batchId],
    });
    expect(await ask(null)).toMatchObject({
      possessionOfWeapons: { offences: 3 },
      sources: [{ batchId: String(loaded.revision.batchId) }],
    });
    const statuses = await served.subgraph.database.sql.query<{ id: number; status: string }>(
      "SELECT id, status FROM crime_priorities.import_batch ORDER BY id",
    );
    expect(statuses).toEqual([
      { id: loaded.revision.batchId, status: "LOADED" },
      { id: loaded.first.batchId, status: "SUPERSEDED" },
    ]);
  });

  it("answers each publication day with what was published then, whatever order the files were loaded in", async () => {
    expect(await ask("2024-02-29")).toMatchObject({ possessionOfWeapons: { offences: null }, sources: [] });
    expect(await ask("2024-03-15")).toMatchObject({
      possessionOfWeapons: { offences: 2 },
      sources: [{ batchId: String(loaded.first.batchId) }],
    });
    expect(await ask("2024-04-10")).toMatchObject({
      possessionOfWeapons: { offences: 3 },
      sources: [{ batchId: String(loaded.revision.batchId) }],
    });
  });
});

/** A first file loaded on 1 June 2025 and its revision on 1 July, in each subgraph that loads revisable files. */
describe("figures as published on a date, in every subgraph", () => {
  const subgraphs = {} as Record<SubgraphName, { subgraph: Subgraph<PrismaLike>; url: string; close: () => Promise<void> }>;
  let forcesDatabase: Database;
  const folder = mkdtempSync(join(tmpdir(), "hub-revisions-"));
  const edited = (file: string, name: string, edit: (text: string) => string) => {
    const path = join(folder, name);
    writeFileSync(path, edit(readFileSync(join(FIXTURES, file), "utf8")));
    return path;
  };
  const asIs = (text: string) => text;
  const firstLines = (count: number) => (text: string) =>
    text
      .split(/\r?\n/)
      .slice(0, count + 1)
      .join("\n") + "\n";
  /** Subgraph, kind, fixture, the first file made from it and its revision. */
  const LOADS: [SubgraphName, string, string, (text: string) => string, (text: string) => string][] = [
    ["response-times", "response-incidents", "response-incidents.csv", asIs, firstLines(1)],
    ["workforce", "ho-workforce", "ho-workforce.csv", asIs, (text) => text.replace('"1,080.50"', '"1,000.50"')],
    ["misconduct", "misconduct", "misconduct.csv", firstLines(2), firstLines(1)],
  ];

  beforeAll(async () => {
    const config = readConfig({ HUB_DATA_DIR: folder, GATEWAY_SECRET: TEST_SECRET });
    forcesDatabase = await openSubgraphDatabase("forces", config, { inMemory: true });
    const forces = await loadForceResolver(forcesDatabase.sql);
    for (const [name, kind, file, first, revision] of LOADS) {
      const subgraph = await buildSubgraph(name, config, { inMemory: true, seed: false });
      for (const [path, publishedOn] of [
        [edited(file, `first-${file}`, first), "2025-06-01"],
        [edited(file, `revised-${file}`, revision), "2025-07-01"],
      ]) {
        const result = await runImport(IMPORTERS[kind], path, subgraph.database.sql, forces, { publishedOn: new Date(publishedOn) });
        expect(result, JSON.stringify(result.errors)).toMatchObject({ status: "LOADED" });
      }
      const listening = await listen(subgraph.http.app, 0, "127.0.0.1");
      subgraphs[name] = { subgraph, url: `${listening.url}/graphql`, close: () => closeServer(listening.server) };
    }
  });
  afterAll(async () => {
    for (const { subgraph, close } of Object.values(subgraphs)) {
      await close();
      await subgraph.close();
    }
    await forcesDatabase?.close();
  });

  const ask = async (name: SubgraphName, fields: string, on: string | null) => {
    const query = `query($r: [_Any!]!, $on: LocalDate) { _entities(representations: $r) { ... on Force { ${fields} } } }`;
    const representation = { __typename: "Force", id: "kent", regionForceIds: ["kent"], mostSimilarGroupForceIds: ["kent"] };
    const { body } = await postJson(subgraphs[name].url, { query, variables: { r: [representation], on } }, subgraphHeaders());
    expect(body.errors).toBeUndefined();
    return body.data!._entities[0];
  };

  it("response times: attendance computed from the incidents as published, month by month too", async () => {
    const fields = `responseTimes(from: "2025-01-01", to: "2025-01-31", asPublishedOn: $on) {
      emergency { incidents attendanceP90Minutes } sources { batchId }
      comparisons(measureIds: [EMERGENCY_ATTENDANCE_P90_MINUTES]) { value monthly { month value } } }`;
    const latest = (await ask("response-times", fields, null)).responseTimes;
    const before = (await ask("response-times", fields, "2025-06-15")).responseTimes;
    // The revision keeps one emergency incident (9 minutes); the first file had two (9 and 25 minutes).
    expect(latest.emergency.incidents).toBe(1);
    expect(before.emergency.incidents).toBe(2);
    expect(latest.emergency.attendanceP90Minutes).toBeCloseTo(9, 0);
    expect(before.emergency.attendanceP90Minutes).toBeGreaterThan(20);
    expect(before.comparisons[0].monthly).toEqual([{ month: "2025-01-01", value: before.comparisons[0].value }]);
    expect(before.sources).not.toEqual(latest.sources);
    // Before the first load nothing was published: no data, not zero.
    expect((await ask("response-times", fields, "2025-05-31")).responseTimes.emergency.incidents).toBeNull();
  });

  it("workforce: the snapshot as first published", async () => {
    const fields = `workforce(asAt: "2025-03-31", asPublishedOn: $on) { officersFte }`;
    const latest = (await ask("workforce", fields, null)).workforce.officersFte;
    const before = (await ask("workforce", fields, "2025-06-15")).workforce.officersFte;
    expect(before - latest).toBeCloseTo(80, 6);
  });

  it("misconduct: cases as first published", async () => {
    const fields = `misconduct(from: "2025-01-01", to: "2025-01-31", asPublishedOn: $on) { casesOpened }`;
    expect((await ask("misconduct", fields, null)).misconduct.casesOpened).toBe(1);
    expect((await ask("misconduct", fields, "2025-06-15")).misconduct.casesOpened).toBe(2);
  });

  it("after the revision is withdrawn: the first file's figures again, and the revision's for the days it stood, never both", async () => {
    const FIGURES: [SubgraphName, string, (answer: any) => unknown][] = [
      [
        "response-times",
        `responseTimes(from: "2025-01-01", to: "2025-01-31", asPublishedOn: $on) { emergency { incidents } }`,
        (answer) => answer.responseTimes.emergency.incidents,
      ],
      ["workforce", `workforce(asAt: "2025-03-31", asPublishedOn: $on) { officersFte }`, (answer) => answer.workforce.officersFte],
      [
        "misconduct",
        `misconduct(from: "2025-01-01", to: "2025-01-31", asPublishedOn: $on) { casesOpened }`,
        (answer) => answer.misconduct.casesOpened,
      ],
    ];
    for (const [name, fields, figure] of FIGURES) {
      const read = async (on: string | null) => figure(await ask(name, fields, on));
      const [first, revised] = [await read("2025-06-15"), await read(null)];
      expect(first, name).not.toEqual(revised);
      const { sql } = subgraphs[name].subgraph.database;
      const schema = name.replace(/-/g, "_");
      const [{ id }] = await sql.query<{ id: number }>(`SELECT max(id) AS id FROM ${schema}.import_batch`);
      await withdrawBatch(sql, name, REVISABLE_TABLES[name], id, afterRowsChange(name));
      // The withdrawal dated 1 August 2025: the revision stood through July.
      await sql.query(
        `UPDATE ${schema}.import_batch SET finished_at = '2025-08-01T12:00:00Z', published_at = '2025-08-01T12:00:00Z' WHERE kind = 'withdrawal'`,
      );
      await sql.query(`UPDATE ${schema}.import_batch SET withdrawn_at = '2025-08-01T12:00:00Z' WHERE id = $1`, [id]);
      expect(await read(null), name).toEqual(first);
      expect(await read("2025-07-15"), name).toEqual(revised);
      expect(await read("2025-06-15"), name).toEqual(first);
    }
  });
});
