import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubgraph } from "../../subgraphs/index.ts";
import { refreshAttendanceAggregates } from "../../subgraphs/response-times/aggregates.ts";
import { readConfig } from "../../shared/config.ts";
import { closeServer, listen } from "../../shared/http/listen.ts";
import type { PrismaLike, Subgraph } from "../../subgraphs/shared/subgraph.ts";
import { coverFixture } from "../support/fixture-coverage.ts";
import { postJson, subgraphHeaders, TEST_SECRET } from "../support/hub.ts";

/** Incidents whose measures are worked out by hand below: [force, reference, grade, area, call connected, minutes to arrival]. */
const INCIDENTS: [string, string, string, string, string, number | null][] = [
  ["kent", "K1", "EMERGENCY", "URBAN", "2025-01-10T10:00:00Z", 5],
  ["kent", "K2", "EMERGENCY", "URBAN", "2025-01-11T10:00:00Z", 10],
  ["kent", "K3", "EMERGENCY", "URBAN", "2025-01-12T10:00:00Z", 15],
  ["kent", "K4", "EMERGENCY", "RURAL", "2025-01-13T10:00:00Z", 18],
  ["kent", "K5", "EMERGENCY", "URBAN", "2025-01-14T10:00:00Z", 20],
  ["kent", "K6", "EMERGENCY", "URBAN", "2025-01-15T10:00:00Z", null],
  ["kent", "K9", "EMERGENCY", "URBAN", "2025-01-16T10:00:00Z", 13],
  ["kent", "K7", "PRIORITY", "URBAN", "2025-01-16T10:00:00Z", 30],
  // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): a July incident.
  ["kent", "K8", "EMERGENCY", "URBAN", "2025-06-30T23:30:00Z", 1],
  // A leap day.
  ["kent", "K10", "EMERGENCY", "URBAN", "2024-02-29T12:00:00Z", 7],
  // Essex: half its emergency incidents outside the standard in January, February and March 2025, all inside in April.
  ...["01", "02", "03", "04"].flatMap((month): [string, string, string, string, string, number][] => [
    ["essex", `E${month}a`, "EMERGENCY", "URBAN", `2025-${month}-05T10:00:00Z`, 5],
    ["essex", `E${month}b`, "EMERGENCY", "URBAN", `2025-${month}-06T10:00:00Z`, month === "04" ? 5 : 25],
  ]),
];

/** 999 figures: [force, month, calls received, answered within 10 s, mean answer seconds]. */
const CALLS: [string, string, number, number, number][] = [
  ["kent", "2025-01-01", 1000, 900, 6],
  ["kent", "2025-02-01", 3000, 2400, 10],
  ["kent", "2024-01-01", 1000, 800, 8],
  ["surrey", "2025-01-01", 500, 450, 5],
  ["sussex", "2025-01-01", 2000, 1400, 12],
  ["essex", "2025-01-01", 1000, 950, 4],
];

/** First days of `count` months from the first. */
const monthsFrom = (first: string, count: number) =>
  Array.from({ length: count }, (_, index) =>
    new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1 + index, 1)).toISOString().slice(0, 10),
  );

const KENT = { __typename: "Force", id: "kent", regionForceIds: ["kent", "surrey", "sussex"], mostSimilarGroupForceIds: ["kent", "essex"] };

const SUMMARY_QUERY = `query($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) { ... on Force {
  responseTimes(from: $from, to: $to) {
    emergency { incidents attended notAttended attendanceMedianMinutes attendanceP90Minutes withinStandardShare }
    priority { incidents withinStandardShare }
    calls999 { callsReceived answeredWithin10sShare meanAnswerSeconds months }
  } } } }`;

const COMPARISON_QUERY = `query($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!, $measures: [MeasureId!]) { _entities(representations: $r) { ... on Force {
  responseTimes(from: $from, to: $to) {
    comparisons(measureIds: $measures) {
      measure { id direction } value unavailableReason national region mostSimilarGroup rank forcesRanked
      differenceFromNational differenceFromMostSimilarGroup yearEarlier changeFromYearEarlier monthly { month value }
    } } } } }`;

describe("response-time measures against hand-worked figures", () => {
  let subgraph: Subgraph<PrismaLike>;
  let server: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    const config = readConfig({ HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-rt-")), GATEWAY_SECRET: TEST_SECRET });
    subgraph = await buildSubgraph("response-times", config, { inMemory: true, seed: false });
    const { sql } = subgraph.database;
    await sql.query(`INSERT INTO response_times.import_batch (kind, file_name, sha256) VALUES ('fixture', 'hand-worked', '')`);
    // The hand-worked figures use their own standards and rules in place of the reference ones.
    await sql.query(`DELETE FROM response_times.response_standard`);
    await sql.query(`DELETE FROM response_times.watchlist_rule`);
    // The urban standard tightens from 15 to 12 minutes on 13 January 2025; the rural one stays at 20.
    await sql.query(
      `INSERT INTO response_times.response_standard (grade, area_type, threshold_seconds, effective_from, effective_to, source) VALUES
       ('EMERGENCY', 'URBAN', 900, '2023-04-01', '2025-01-12', 'fixture'), ('EMERGENCY', 'URBAN', 720, '2025-01-13', NULL, 'fixture'),
       ('EMERGENCY', 'RURAL', 1200, '2023-04-01', NULL, 'fixture')`,
    );
    await sql.query(
      `INSERT INTO response_times.watchlist_rule (id, measure, comparator, threshold, consecutive_months, description) VALUES
       ('WITHIN_STANDARD_BELOW_80_3M', 'EMERGENCY_WITHIN_STANDARD_SHARE', 'BELOW', 0.8, 3, 'Within standard below 80% for 3 months'),
       ('CALLS_BELOW_90', 'CALLS_999_ANSWERED_WITHIN_10S_SHARE', 'BELOW', 0.9, 1, '999 within 10 s below 90%')`,
    );
    for (const [forceId, reference, grade, area, connected, minutes] of INCIDENTS) {
      const connectedAt = new Date(connected);
      await sql.query(
        `INSERT INTO response_times.incident (force_id, reference, grade, area_type, month, call_connected_at, arrived_at, batch_id)
         VALUES ($1, $2, $3, $4, date_trunc('month', $5::timestamptz AT TIME ZONE 'Europe/London')::date, $5, $6, 1)`,
        [forceId, reference, grade, area, connectedAt, minutes === null ? null : new Date(connectedAt.getTime() + minutes * 60_000)],
      );
    }
    for (const [forceId, month, calls, within, mean] of CALLS) {
      await sql.query(
        `INSERT INTO response_times.calls_999_month (force_id, month, calls_received, answered_within_10s, answered_10_to_60s, answered_over_60s, mean_answer_seconds, batch_id)
         VALUES ($1, $2, $3::int, $4::int, $3::int - $4::int, 0, $5, 1)`,
        [forceId, month, calls, within, mean],
      );
    }
    await refreshAttendanceAggregates(sql);
    // As an incident file covers each force's months from its first incident to its last, and a 999 file its months.
    await coverFixture(sql, "response_times", "ATTENDANCE", [
      ...monthsFrom("2024-02-01", 18).map((month): [string, string] => ["kent", month]),
      ...monthsFrom("2025-01-01", 4).map((month): [string, string] => ["essex", month]),
    ]);
    await coverFixture(
      sql,
      "response_times",
      "CALLS_999",
      CALLS.map(([forceId, month]) => [forceId, month]),
    );
    server = await listen(subgraph.http.app, 0, "127.0.0.1");
  });
  afterAll(async () => {
    if (server) await closeServer(server.server);
    await subgraph?.close();
  });

  const ask = async (query: string, variables: Record<string, unknown>) => {
    const { body } = await postJson(`${server.url}/graphql`, { query, variables }, subgraphHeaders());
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const summary = async (from: string, to: string) => (await ask(SUMMARY_QUERY, { r: [KENT], from, to }))._entities[0].responseTimes;

  it("takes percentiles from 15-second histograms, within one bucket of the exact values", async () => {
    const { emergency, priority } = await summary("2025-01-01", "2025-01-31");
    // Attended minutes 5, 10, 13, 15, 18, 20. Exact (percentile_cont): median (13 + 15) / 2 = 14; P90 at rank 0.9 × 5 = 4.5 → 18 + 0.5 × 2 = 19.
    // From buckets, each value sits mid-bucket (+7.5 s = +0.125 min): median 14.125, P90 19.125.
    // 14.125 and 19.125 minutes from the histograms, served to the measure's two decimal places.
    expect(emergency.attendanceMedianMinutes).toBe(14.13);
    expect(emergency.attendanceP90Minutes).toBe(19.13);
    expect(Math.abs(emergency.attendanceMedianMinutes - 14)).toBeLessThanOrEqual(0.25);
    expect(Math.abs(emergency.attendanceP90Minutes - 19)).toBeLessThanOrEqual(0.25);
    expect(emergency).toMatchObject({ incidents: 7, attended: 6, notAttended: 1 });
    expect(priority).toEqual({ incidents: 1, withinStandardShare: null });
  });

  it("judges each incident by the standard in force on its day, counting the unattended against it", async () => {
    const { emergency } = await summary("2025-01-01", "2025-01-31");
    // 10 Jan 5 min, 11 Jan 10 min, 12 Jan 15 min (urban, 15-minute standard): in. 13 Jan rural 18 min (20): in.
    // 14 Jan 20 min and 16 Jan 13 min (urban, now 12 minutes): out. 15 Jan never attended: out. 4 of 7.
    // 4 of 7, to the share's four decimal places.
    expect(emergency.withinStandardShare).toBe(0.5714);
  });

  it("dates calls by UK local time and counts a leap day in its February", async () => {
    expect((await summary("2025-07-01", "2025-07-31")).emergency.incidents).toBe(1);
    expect((await summary("2024-02-01", "2024-02-29")).emergency.incidents).toBe(1);
  });

  it("weights 999 answer figures by calls received", async () => {
    const { calls999 } = await summary("2025-01-01", "2025-03-31");
    // (900 + 2,400) / (1,000 + 3,000) = 0.825; mean (6 × 1,000 + 10 × 3,000) / 4,000 = 9 s.
    expect(calls999).toEqual({ callsReceived: 4000, answeredWithin10sShare: 0.825, meanAnswerSeconds: 9, months: 2 });
  });

  it("reports a period with no incidents as zero incidents and null measures, not zeros", async () => {
    const { emergency, calls999 } = await summary("2024-06-01", "2024-06-30");
    // Kent's incident file runs from February 2024 to July 2025: June 2024 is covered, and none was recorded.
    expect(emergency).toEqual({
      incidents: 0,
      attended: 0,
      notAttended: 0,
      attendanceMedianMinutes: null,
      attendanceP90Minutes: null,
      withinStandardShare: null,
    });
    expect(calls999).toBeNull();
  });

  it("compares a force with national, region and most similar group, ranks with ties and a year earlier", async () => {
    const data = await ask(COMPARISON_QUERY, {
      r: [KENT],
      from: "2025-01-01",
      to: "2025-01-31",
      measures: ["CALLS_999_ANSWERED_WITHIN_10S_SHARE"],
    });
    const [comparison] = data._entities[0].responseTimes.comparisons;
    // Shares: essex 0.95, kent 0.9, surrey 0.9, sussex 0.7. National 3,700 / 4,500; region (kent, surrey, sussex) 2,750 / 3,500;
    // most similar group (kent, essex) 1,850 / 2,000. Ranks 1, 2, 2, 4. A year earlier kent had 800 / 1,000: change +12.5%.
    expect(comparison).toEqual({
      measure: { id: "CALLS_999_ANSWERED_WITHIN_10S_SHARE", direction: "HIGHER_IS_BETTER" },
      value: 0.9,
      unavailableReason: null,
      national: expect.closeTo(3700 / 4500, 4),
      region: expect.closeTo(2750 / 3500, 4),
      mostSimilarGroup: 0.925,
      rank: 2,
      forcesRanked: 4,
      differenceFromNational: expect.closeTo(0.9 - 3700 / 4500, 4),
      differenceFromMostSimilarGroup: expect.closeTo(-0.025, 4),
      yearEarlier: 0.8,
      changeFromYearEarlier: expect.closeTo(0.125, 4),
      monthly: [{ month: "2025-01-01", value: 0.9 }],
    });
  });

  it("gives a force with no data a null value with a reason, not zero", async () => {
    const representation = { ...KENT, id: "dyfed-powys" };
    const data = await ask(COMPARISON_QUERY, {
      r: [representation],
      from: "2025-01-01",
      to: "2025-01-31",
      measures: ["EMERGENCY_ATTENDANCE_P90_MINUTES"],
    });
    const [comparison] = data._entities[0].responseTimes.comparisons;
    expect(comparison).toMatchObject({
      value: null,
      unavailableReason: "No loaded source covers response attendance for this force in the period",
      rank: null,
      forcesRanked: 2,
    });
  });

  it("raises watchlist alerts that explain themselves", async () => {
    const data = await ask(
      `{ responseTimeAlerts(from: "2025-01-01", to: "2025-06-30") { ruleId forceId threshold months { month value } explanation } }`,
      {},
    );
    const alerts = data.responseTimeAlerts;
    // Essex: 50% within the standard in January, February and March, 100% in April: one three-month run.
    // 999 below 90%: kent in February (2,400 / 3,000 = 80%) and sussex in January (70%); kent's January is exactly 90%, not below.
    expect(alerts.map((alert: any) => [alert.ruleId, alert.forceId, alert.months.map((month: any) => month.month)])).toEqual([
      ["CALLS_BELOW_90", "kent", ["2025-02-01"]],
      ["CALLS_BELOW_90", "sussex", ["2025-01-01"]],
      ["WITHIN_STANDARD_BELOW_80_3M", "essex", ["2025-01-01", "2025-02-01", "2025-03-01"]],
    ]);
    expect(alerts[2].explanation).toBe(
      "Emergency incidents attended within the standard was below 80.0% for 3 consecutive months: Jan 2025 50.0%, Feb 2025 50.0%, Mar 2025 50.0%.",
    );
  });

  it("ranks every force in a league table, best first", async () => {
    const data = await ask(
      `{ responseTimeLeagueTable(measureId: CALLS_999_ANSWERED_WITHIN_10S_SHARE, from: "2025-01-01", to: "2025-01-31") { force { id } value rank } }`,
      {},
    );
    expect(data.responseTimeLeagueTable.map((entry: any) => [entry.force.id, entry.rank])).toEqual([
      ["essex", 1],
      ["kent", 2],
      ["surrey", 2],
      ["sussex", 4],
    ]);
  });
});
