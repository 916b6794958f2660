import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubgraph } from "../../subgraphs/index.ts";
import { readConfig } from "../../subgraphs/shared/config.ts";
import { closeServer, listen } from "../../subgraphs/shared/http/listen.ts";
import type { PrismaLike, Subgraph } from "../../subgraphs/shared/subgraph.ts";
import { postJson, subgraphHeaders, TEST_SECRET } from "../support/hub.ts";

/** Incidents whose measures are worked out by hand below. */
const INCIDENTS: [reference: string, grade: string, area: string, connected: string, arrivedAfterMinutes: number | null][] = [
  ["K1", "EMERGENCY", "URBAN", "2025-01-10T10:00:00Z", 5],
  ["K2", "EMERGENCY", "URBAN", "2025-01-11T10:00:00Z", 10],
  ["K3", "EMERGENCY", "URBAN", "2025-01-12T10:00:00Z", 15],
  ["K4", "EMERGENCY", "RURAL", "2025-01-13T10:00:00Z", 18],
  ["K5", "EMERGENCY", "URBAN", "2025-01-14T10:00:00Z", 20],
  ["K6", "EMERGENCY", "URBAN", "2025-01-15T10:00:00Z", null],
  ["K7", "PRIORITY", "URBAN", "2025-01-16T10:00:00Z", 30],
  // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): outside a period ending 30 June.
  ["K8", "EMERGENCY", "URBAN", "2025-06-30T23:30:00Z", 1],
];

const QUERY = `query($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) { ... on Force {
  responseTimes(from: $from, to: $to) {
    emergency { incidents attended notAttended attendanceMedianMinutes attendanceP90Minutes withinStandardShare }
    priority { incidents withinStandardShare }
    calls999 { callsReceived answeredWithin10sShare meanAnswerSeconds months }
  } } } }`;

describe("response-time measures against hand-worked figures", () => {
  let subgraph: Subgraph<PrismaLike>;
  let server: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    const config = readConfig({ HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-rt-")), GATEWAY_SECRET: TEST_SECRET });
    subgraph = await buildSubgraph("response-times", config, { inMemory: true, seed: false });
    const { sql } = subgraph.database;
    await sql.query(`INSERT INTO response_times.import_batch (kind, file_name, sha256) VALUES ('fixture', 'hand-worked', '')`);
    for (const [reference, grade, area, connected, minutes] of INCIDENTS) {
      const connectedAt = new Date(connected);
      await sql.query(
        `INSERT INTO response_times.incident (force_id, reference, grade, area_type, month, call_connected_at, arrived_at, batch_id)
         VALUES ('kent', $1, $2, $3, date_trunc('month', $4::timestamptz AT TIME ZONE 'Europe/London')::date, $4, $5, 1)`,
        [reference, grade, area, connectedAt, minutes === null ? null : new Date(connectedAt.getTime() + minutes * 60_000)],
      );
    }
    await sql.query(
      `INSERT INTO response_times.calls_999_month (force_id, month, calls_received, answered_within_10s, answered_10_to_60s, answered_over_60s, mean_answer_seconds, batch_id)
       VALUES ('kent', '2025-01-01', 1000, 900, 80, 20, 6.0, 1), ('kent', '2025-02-01', 3000, 2400, 500, 100, 10.0, 1)`,
    );
    server = await listen(subgraph.http.app, 0, "127.0.0.1");
  });
  afterAll(async () => {
    if (server) await closeServer(server.server);
    await subgraph?.close();
  });

  const ask = async (from: string, to: string) => {
    const { body } = await postJson(`${server.url}/graphql`, { query: QUERY, variables: { r: [{ __typename: "Force", id: "kent" }], from, to } }, subgraphHeaders);
    expect(body.errors).toBeUndefined();
    return body.data!._entities[0].responseTimes;
  };

  it("takes the median and P90 over attended incidents and counts the unattended against the standard", async () => {
    const { emergency, priority } = await ask("2025-01-01", "2025-06-30");
    // Attended minutes 5, 10, 15, 18, 20: median 15; P90 at rank 0.9 × 4 = 3.6 → 18 + 0.6 × (20 − 18) = 19.2.
    // Within 15 urban / 20 rural: 5, 10, 15 and the rural 18 → 4 of the 6 incidents (the unattended one fails).
    expect(emergency).toEqual({
      incidents: 6, attended: 5, notAttended: 1,
      attendanceMedianMinutes: 15, attendanceP90Minutes: expect.closeTo(19.2, 9), withinStandardShare: expect.closeTo(4 / 6, 12),
    });
    expect(priority).toEqual({ incidents: 1, withinStandardShare: null });
  });

  it("dates calls by UK local time", async () => {
    const { emergency } = await ask("2025-07-01", "2025-07-31");
    expect(emergency.incidents).toBe(1);
  });

  it("weights 999 answer figures by calls received", async () => {
    const { calls999 } = await ask("2025-01-01", "2025-03-31");
    // (900 + 2,400) / (1,000 + 3,000) = 0.825; mean (6 × 1,000 + 10 × 3,000) / 4,000 = 9 s.
    expect(calls999).toEqual({ callsReceived: 4000, answeredWithin10sShare: 0.825, meanAnswerSeconds: 9, months: 2 });
  });

  it("reports a period with no incidents as zero incidents and null measures, not zeros", async () => {
    const { emergency, calls999 } = await ask("2024-01-01", "2024-01-31");
    expect(emergency).toEqual({ incidents: 0, attended: 0, notAttended: 0, attendanceMedianMinutes: null, attendanceP90Minutes: null, withinStandardShare: null });
    expect(calls999).toBeNull();
  });
});
