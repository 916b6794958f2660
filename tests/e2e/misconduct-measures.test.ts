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

/** [force, officers FTE, cases opened in January 2025, cases opened in January 2024]. */
const FORCES: [string, number, number, number][] = [
  ["kent", 1000, 10, 0],
  ["surrey", 1000, 20, 0],
  ["sussex", 1000, 30, 0],
  ["essex", 1000, 40, 0],
  ["norfolk", 1000, 60, 0],
  ["suffolk", 3000, 180, 150],
];
const STRENGTHS = FORCES.map(([forceId, officersFte]) => ({ forceId, officersFte }));
const representation = (id: string) => ({
  __typename: "Force",
  id,
  regionForceIds: ["suffolk", "norfolk"],
  mostSimilarGroupForceIds: ["suffolk", "kent"],
  forceOfficerStrengths: STRENGTHS,
});

const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Force {
  misconductMeasures(from: "2025-01-01", to: "2025-01-31") {
    comparisons { value national region mostSimilarGroup rank forcesRanked yearEarlier changeFromYearEarlier }
    alerts { ruleId explanation }
  }
} } }`;

describe("misconduct measures against hand-worked figures", () => {
  let subgraph: Subgraph<PrismaLike>;
  let server: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    const config = readConfig({ HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-mc-")), GATEWAY_SECRET: TEST_SECRET });
    subgraph = await buildSubgraph("misconduct", config, { inMemory: true, seed: false });
    const { sql } = subgraph.database;
    await sql.query(`INSERT INTO misconduct.import_batch (kind, file_name, sha256) VALUES ('fixture', 'hand-worked', '')`);
    await sql.query(`DELETE FROM misconduct.watchlist_rule`);
    await sql.query(
      `INSERT INTO misconduct.watchlist_rule VALUES ('WORST_2', 'MISCONDUCT_CASES_PER_100_OFFICERS', 'AMONG_WORST', 2, 0, 'Among the 2 highest')`,
    );
    for (const [forceId, , january2025, january2024] of FORCES) {
      for (const [year, cases] of [
        [2025, january2025],
        [2024, january2024],
      ]) {
        await sql.query(
          `INSERT INTO misconduct.misconduct_case (force_id, reference, case_type, subject_type, subject_sex, subject_ethnicity, standard, opened_on, batch_id)
           SELECT $1, $1 || '/' || $2::text || '/' || n, 'CONDUCT_MATTER', 'OFFICER', 'Male', 'White', 'Honesty and integrity', make_date($2::int, 1, 1 + n % 28), 1
           FROM generate_series(1, $3::int) AS n`,
          [forceId, year, cases],
        );
      }
    }
    await coverFixture(
      sql,
      "misconduct",
      "MISCONDUCT_CASES",
      FORCES.flatMap(
        ([forceId]) =>
          [
            [forceId, "2025-01-01"],
            [forceId, "2024-01-01"],
          ] as [string, string][],
      ),
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
    return body.data!._entities[0].misconductMeasures;
  };

  it("weights group values by officer strength and shares tied ranks", async () => {
    const {
      comparisons: [comparison],
    } = await ask("suffolk");
    // Per 100 officers: 1, 2, 3, 4, 6 and suffolk 180 / 3,000 = 6: ranks 1, 2, 3, 4, 5, 5 (lower is better).
    // National 340 / 8,000 = 4.25; region (suffolk, norfolk) 240 / 4,000 = 6; most similar group (suffolk, kent) 190 / 4,000 = 4.75
    // (an unweighted mean would be 3.5). A year earlier 150 / 3,000 = 5: +20%.
    expect(comparison).toEqual({
      value: 6,
      national: 4.25,
      region: 6,
      mostSimilarGroup: 4.75,
      rank: 5,
      forcesRanked: 6,
      yearEarlier: 5,
      changeFromYearEarlier: expect.closeTo(0.2, 4),
    });
  });

  it("raises the among-the-worst rule for every force tied in the worst ranks", async () => {
    expect((await ask("suffolk")).alerts).toEqual([
      { ruleId: "WORST_2", explanation: "Misconduct cases per 100 officers is 6.00, ranked 5 of 6 (1 is best): among the 2 worst forces." },
    ]);
    expect((await ask("norfolk")).alerts).toHaveLength(1);
    expect((await ask("essex")).alerts).toEqual([]);
  });
});
