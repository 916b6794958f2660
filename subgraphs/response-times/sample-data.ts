import { bulkInsert } from "../shared/database/bulk-insert.ts";
import type { SqlClient } from "../shared/database/open.ts";
import { allocate } from "../shared/sample/allocate.ts";
import { daysInMonth, sampleMonths } from "../shared/sample/calendar.ts";
import { SeededRandom } from "../shared/sample/random.ts";
import type { SampleOptions } from "../shared/sample/seed-if-empty.ts";
import { referenceForces } from "../shared/reference/forces.ts";
import { refreshAttendanceAggregates } from "./aggregates.ts";

/** Sample incidents a month nationally at scale 1 (a sample, not the national volume); scale 100 gives ~10 million over 36 months. */
const INCIDENTS_PER_MONTH = 2_800;
/** Even the smallest force gets enough incidents a month for its percentiles to mean something. */
const MINIMUM_INCIDENTS_PER_FORCE_MONTH = 12;
/** 999 calls a month nationally in April 2023: about 12 million a year (NPCC), rising about 5% a year. */
const CALLS_999_PER_MONTH = 1_000_000;
const GRADE_MIX = [
  ["EMERGENCY", 0.3],
  ["PRIORITY", 0.4],
  ["SCHEDULED", 0.2],
  ["RESOLVED_WITHOUT_DEPLOYMENT", 0.1],
] as const;
const MINUTE = 60_000;

interface ForceProfile {
  id: string;
  weight: number;
  urbanShare: number;
  emergencyMedianMinutes: number;
  answeredWithin10sShare: number;
}

function profiles(random: SeededRandom): ForceProfile[] {
  return referenceForces().map((force) => ({
    id: force.id,
    weight: force.population,
    urbanShare: Math.min(0.98, 0.45 + force.population / 6_000_000 + random.between(0, 0.2)),
    emergencyMedianMinutes: random.between(8, 14),
    answeredWithin10sShare: random.between(0.6, 0.97),
  }));
}

function attendanceMinutes(random: SeededRandom, grade: string, profile: ForceProfile, rural: boolean): number | null {
  switch (grade) {
    case "EMERGENCY":
      return random.chance(0.015) ? null : random.logNormal(profile.emergencyMedianMinutes + (rural ? 5 : 0), 0.45);
    case "PRIORITY":
      return random.chance(0.04) ? null : random.logNormal(55, 0.7);
    case "SCHEDULED":
      return random.chance(0.08) ? null : random.logNormal(26 * 60, 0.6);
    default:
      return null;
  }
}

function incidentRows(random: SeededRandom, profile: ForceProfile, month: Date, count: number, batchId: number): unknown[][] {
  const rows: unknown[][] = [];
  const monthStart = month.getTime();
  const monthId = month.toISOString().slice(0, 7).replace("-", "");
  for (let n = 0; n < count; n++) {
    const pick = random.next();
    let cumulative = 0;
    const grade = GRADE_MIX.find(([, share]) => (cumulative += share) >= pick)?.[0] ?? "SCHEDULED";
    const rural = !random.chance(profile.urbanShare);
    const connected = monthStart + Math.floor(random.next() * daysInMonth(month) * 24 * 60) * MINUTE;
    const answered = connected + random.logNormal(6, 0.8) * 1000;
    const minutes = attendanceMinutes(random, grade, profile, rural);
    const arrived = minutes === null ? null : connected + minutes * MINUTE;
    const deployed =
      arrived === null
        ? grade === "RESOLVED_WITHOUT_DEPLOYMENT"
          ? null
          : answered + 2 * MINUTE
        : Math.min(arrived, answered + random.logNormal(3, 0.5) * MINUTE);
    rows.push([
      profile.id,
      `${profile.id.toUpperCase().slice(0, 4)}-${monthId}-${String(n + 1).padStart(6, "0")}`,
      grade,
      rural ? "RURAL" : "URBAN",
      month,
      new Date(connected),
      new Date(answered),
      deployed === null ? null : new Date(deployed),
      arrived === null ? null : new Date(arrived),
      batchId,
    ]);
  }
  return rows;
}

const INCIDENT_COLUMNS = {
  force_id: "text",
  reference: "text",
  grade: "text",
  area_type: "text",
  month: "date",
  call_connected_at: "timestamptz",
  call_answered_at: "timestamptz",
  deployed_at: "timestamptz",
  arrived_at: "timestamptz",
  batch_id: "int",
} as const;

const CALLS_COLUMNS = {
  force_id: "text",
  month: "date",
  calls_received: "int",
  answered_within_10s: "int",
  answered_10_to_60s: "int",
  answered_over_60s: "int",
  mean_answer_seconds: "float8",
  batch_id: "int",
} as const;

function calls999Rows(random: SeededRandom, forces: ForceProfile[], month: Date, monthIndex: number, batchId: number): unknown[][] {
  const national = Math.round(CALLS_999_PER_MONTH * 1.05 ** (monthIndex / 12));
  const calls = allocate(
    national,
    forces.map((force) => force.weight),
  );
  return forces.map((force, index) => {
    const share = Math.min(0.99, force.answeredWithin10sShare + monthIndex * 0.002 + random.between(-0.02, 0.02));
    const within10 = Math.round(calls[index] * share);
    const over60 = Math.round((calls[index] - within10) * random.between(0.05, 0.2));
    return [force.id, month, calls[index], within10, calls[index] - within10 - over60, over60, 3 + (1 - share) * 45, batchId];
  });
}

/** Synthetic incidents and 999 figures for every force, April 2023 to March 2026 (fixed seed), with pre-aggregates. */
export async function seedResponseTimes(sql: SqlClient, batchId: number, { scale = 1, progress }: SampleOptions): Promise<number> {
  const random = new SeededRandom(20230401);
  const forces = profiles(random);
  let rows = 0;
  for (const [monthIndex, month] of sampleMonths().entries()) {
    const counts = allocate(
      Math.round(INCIDENTS_PER_MONTH * scale),
      forces.map((force) => force.weight),
    );
    const incidents = forces.flatMap((force, index) =>
      incidentRows(random, force, month, Math.max(MINIMUM_INCIDENTS_PER_FORCE_MONTH, counts[index]), batchId),
    );
    rows += await bulkInsert(sql, "response_times.incident", INCIDENT_COLUMNS, incidents);
    rows += await bulkInsert(
      sql,
      "response_times.calls_999_month",
      CALLS_COLUMNS,
      calls999Rows(random, forces, month, monthIndex, batchId),
    );
    progress?.(`response-times sample: ${month.toISOString().slice(0, 7)} loaded, ${rows.toLocaleString("en-GB")} rows so far`);
  }
  progress?.("response-times sample: building the attendance pre-aggregates");
  await refreshAttendanceAggregates(sql);
  return rows;
}
