import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../shared/config.ts";
import { closeServer, listen } from "../../shared/http/listen.ts";
import { IMPORTERS } from "../../subgraphs/importers.ts";
import { buildSubgraph, openSubgraphDatabase } from "../../subgraphs/index.ts";
import { loadForceResolver } from "../../subgraphs/shared/ingest/force-resolver.ts";
import { runImport, type ImportResult } from "../../subgraphs/shared/ingest/run-import.ts";
import { postJson, subgraphHeaders, TEST_SECRET } from "../support/hub.ts";
import { writeWorkbook } from "../support/workbook.ts";

const SEPTEMBER_2018 = join(import.meta.dirname, "../fixtures/real-data/home-office/police-workforce-sep18-tables.ods");
const day = (text: string) => new Date(`${text}T00:00:00Z`);

/**
 * The September 2019 bulletin in the published layout, Kent alone: it gives 30 September 2018 again,
 * revised (3,340.50 FTE officers against 3,333.3082 in the September 2018 tables).
 */
const september2019 = () =>
  writeWorkbook("police-workforce-sep19-tables.ods", {
    Index: [
      ["Police Workforce, England and Wales, 30 September 2019"],
      [],
      ["Table number", "Title", "Period covered", "National Statistics", "Last updated"],
      ["Table 1", "Police officers by police force area, England and Wales", null, null, "23 January 2020"],
    ],
    Table_1: [
      ["Table 1: Police officers by police force area, England and Wales, 30 September 2018, 31 March 2019 and 30 September 2019"],
      [],
      ["England and Wales", null, null, null, null, null, null, "Full-time equivalents"],
      [null, "As at:", null, null, "Change in 12 months\nSep-18 to Sep-19", null, "Change in 6 months \nMar-19 to Sep-19", null],
      [],
      [null, day("2018-09-30"), day("2019-03-31"), day("2019-09-30"), "number", "%", "number", "%"],
      ["South East ", 14_625.83, 14_700.1, 14_800.2, 174.37, 1.19, 100.1, 0.68],
      ["Kent", 3_340.5, 3_390.25, 3_450.75, 110.25, 3.3, 60.5, 1.78],
      ["Total 43 forces", 122_402.6, 123_171.3, 126_000.1, 3_597.5, 2.9, 2_828.8, 2.3],
    ],
  });

const KENT = { __typename: "Force", id: "kent", regionForceIds: ["kent"], mostSimilarGroupForceIds: ["kent"] };
const QUERY = `query($r: [_Any!]!, $on: LocalDate) { _entities(representations: $r) { ... on Force {
  workforce(asAt: "2018-09-30", asPublishedOn: $on) { asAt officersFte sources { file publishedOn publishedOnSource } }
} } }`;

/** A new workforce database loaded with the files in order; asks for Kent at 30 September 2018. */
async function loadInOrder(files: string[]) {
  const config = readConfig({ HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-bulletins-")), GATEWAY_SECRET: TEST_SECRET });
  const forcesDatabase = await openSubgraphDatabase("forces", config, { inMemory: true });
  const forces = await loadForceResolver(forcesDatabase.sql);
  const subgraph = await buildSubgraph("workforce", config, { inMemory: true, seed: false });
  const results: ImportResult[] = [];
  for (const file of files) results.push(await runImport(IMPORTERS["ho-workforce-tables"], file, subgraph.database.sql, forces, {}));
  const server = await listen(subgraph.http.app, 0, "127.0.0.1");
  return {
    results,
    kent: async (on: string | null) => {
      const { body } = await postJson(`${server.url}/graphql`, { query: QUERY, variables: { r: [KENT], on } }, subgraphHeaders());
      expect(body.errors).toBeUndefined();
      return body.data!._entities[0].workforce;
    },
    close: async () => {
      await closeServer(server.server);
      await subgraph.close();
      await forcesDatabase.close();
    },
  };
}

describe("two workforce bulletins giving 30 September 2018: the later publication's revision wins, whatever the order of loading", () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const hub of opened) await hub.close();
  });

  it.each([
    ["September 2018, then September 2019", false],
    ["September 2019, then September 2018", true],
  ])("%s", async (_order, newestFirst) => {
    const files = [SEPTEMBER_2018, september2019()];
    const hub = await loadInOrder(newestFirst ? files.reverse() : files);
    opened.push(hub);
    for (const result of hub.results) expect(result).toMatchObject({ status: "LOADED", publishedOnSource: "file" });
    expect(hub.results.map((result) => result.publishedOn).sort()).toEqual(["2019-01-24", "2020-01-23"]);
    expect(await hub.kent(null)).toEqual({
      asAt: "2018-09-30",
      officersFte: 3_340.5,
      sources: [{ file: "police-workforce-sep19-tables.ods", publishedOn: "2020-01-23", publishedOnSource: "file" }],
    });
    // As published in 2019, before the later bulletin: the figure of the September 2018 tables.
    expect((await hub.kent("2019-06-30")).officersFte).toBeCloseTo(3_333.3082, 4);
    expect(await hub.kent("2019-01-23")).toBeNull();
  });
});
