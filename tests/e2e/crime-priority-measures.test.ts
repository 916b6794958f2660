import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubgraph } from "../../subgraphs/index.ts";
import { readConfig } from "../../shared/config.ts";
import { closeServer, listen } from "../../shared/http/listen.ts";
import type { PrismaLike, Subgraph } from "../../subgraphs/shared/subgraph.ts";
import { coverFixture } from "../support/fixture-coverage.ts";
import { postJson, subgraphHeaders, TEST_SECRET } from "../support/hub.ts";

/** Knife-flagged offences: [force, month, offences]. Populations below. */
const KNIFE_OFFENCES: [string, string, number][] = [
  ["kent", "2025-01-01", 1200],
  ["kent", "2024-01-01", 1000],
  ["surrey", "2025-01-01", 300],
  ["essex", "2025-01-01", 1000],
];
const POPULATIONS = [
  { forceId: "kent", population: 1_000_000 },
  { forceId: "surrey", population: 500_000 },
  { forceId: "essex", population: 2_000_000 },
  { forceId: "dyfed-powys", population: 500_000 },
];
const representation = (id: string) => ({
  __typename: "Force",
  id,
  regionForceIds: ["kent", "surrey"],
  mostSimilarGroupForceIds: ["kent", "essex"],
  forcePopulations: POPULATIONS,
});

const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Force {
  crimePriorityMeasures(from: "2025-01-01", to: "2025-01-31") {
    comparisons(measureIds: [KNIFE_CRIME_RATE_PER_1000], group: ["surrey", "essex"]) {
      value unavailableReason national forcesInNational region mostSimilarGroup group rank forcesRanked yearEarlier changeFromYearEarlier monthly { month value }
    }
    alerts { ruleId explanation }
  }
} } }`;

describe("crime-priority measures against hand-worked figures", () => {
  let subgraph: Subgraph<PrismaLike>;
  let server: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    const config = readConfig({ HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-cp-")), GATEWAY_SECRET: TEST_SECRET });
    subgraph = await buildSubgraph("crime-priorities", config, { inMemory: true, seed: false });
    const { sql } = subgraph.database;
    await sql.query(`INSERT INTO crime_priorities.import_batch (kind, file_name, sha256) VALUES ('fixture', 'hand-worked', '')`);
    await sql.query(`DELETE FROM crime_priorities.watchlist_rule`);
    await sql.query(
      `INSERT INTO crime_priorities.watchlist_rule VALUES ('KNIFE_RISE', 'KNIFE_CRIME_RATE_PER_1000', 'RISE_ABOVE_MOST_SIMILAR_GROUP', 0.1, 0, 'Knife crime up >10% and above MSG')`,
    );
    for (const [forceId, month, offences] of KNIFE_OFFENCES) {
      await sql.query(
        `INSERT INTO crime_priorities.recorded_offence (force_id, month, period_end, offence_code, offence_description, offence_group, vawg, knife_crime, csa, offences, batch_id)
         VALUES ($1, $2, ($2::date + interval '1 month' - interval '1 day')::date, '8N', 'Assault with injury', 'Violence against the person', false, true, false, $3, 1)`,
        [forceId, month, offences],
      );
    }
    await coverFixture(
      sql,
      "crime_priorities",
      "KNIFE_CRIME",
      KNIFE_OFFENCES.map(([forceId, month]) => [forceId, month]),
    );
    server = await listen(subgraph.http.app, 0, "127.0.0.1");
  });
  afterAll(async () => {
    if (server) await closeServer(server.server);
    await subgraph?.close();
  });

  const ask = async (forceId: string) => {
    const { body } = await postJson(
      `${server.url}/graphql`,
      { query: QUERY, variables: { r: [representation(forceId)] } },
      subgraphHeaders(),
    );
    expect(body.errors).toBeUndefined();
    return body.data!._entities[0].crimePriorityMeasures;
  };

  it("weights group rates by population (custom groups too), ranks lowest first and compares with a year earlier", async () => {
    const {
      comparisons: [knife],
    } = await ask("kent");
    // Rates per 1,000: kent 1,200 / 1,000,000 = 1.2; surrey 300 / 500,000 = 0.6; essex 1,000 / 2,000,000 = 0.5.
    // National 2,500 / 3,500,000 = 0.714 (an unweighted mean would be 0.767); region (kent, surrey) 1,500 / 1,500,000 = 1.0;
    // most similar group (kent, essex) 2,200 / 3,000,000 = 0.733. Ranks: essex 1, surrey 2, kent 3. A year earlier 1.0: +20%.
    expect(knife).toEqual({
      value: 1.2,
      unavailableReason: null,
      national: expect.closeTo(2500 / 3500, 3),
      forcesInNational: 3,
      region: 1,
      mostSimilarGroup: expect.closeTo(2200 / 3000, 3),
      // A custom group of surrey and essex: 1,300 / 2,500,000 × 1,000 = 0.52.
      group: expect.closeTo(0.52, 3),
      rank: 3,
      forcesRanked: 3,
      yearEarlier: 1,
      changeFromYearEarlier: expect.closeTo(0.2, 4),
      monthly: [{ month: "2025-01-01", value: 1.2 }],
    });
  });

  it("raises the knife crime rule when the rate rose more than 10% and is above the most similar group", async () => {
    const { alerts } = await ask("kent");
    expect(alerts).toEqual([
      {
        ruleId: "KNIFE_RISE",
        explanation:
          "Knife crime rate rose 20.0% on a year earlier (1.00 to 1.20 offences per 1,000 residents), more than 10.0%, and is above the most similar group's 0.73.",
      },
    ]);
    expect((await ask("essex")).alerts).toEqual([]);
  });

  it("gives a force with no data a null value with a reason", async () => {
    const {
      comparisons: [knife],
    } = await ask("dyfed-powys");
    expect(knife).toMatchObject({ value: null, unavailableReason: "No data from this force for the period", rank: null });
  });
});
