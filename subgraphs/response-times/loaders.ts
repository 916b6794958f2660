import type { PrismaClient } from "../../prisma/generated/response-times/client.ts";
import { forcePeriodLoader } from "../shared/graphql/period-loader.ts";
import type { Period } from "../shared/graphql/period.ts";
import { EMERGENCY_ATTENDANCE_STANDARD_MINUTES } from "./standards.ts";
import type { GradeAttendance } from "./schema/grade-attendance.ts";
import type { IncidentGrade } from "./schema/incident-grade.ts";

type AttendanceRow = Omit<GradeAttendance, "notAttended"> & { forceId: string };
type Calls999Row = { forceId: string; callsReceived: number; answeredWithin10s: number; meanAnswerSeconds: number | null; months: number };

/** Percentiles over the attended incidents of each force and grade; calls are dated by UK local time. */
const ATTENDANCE_SQL = `
  SELECT force_id AS "forceId", grade,
         count(*)::int AS incidents,
         count(arrived_at)::int AS attended,
         (percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes))::float8 AS "attendanceMedianMinutes",
         (percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes))::float8 AS "attendanceP90Minutes",
         CASE WHEN grade = 'EMERGENCY'
              THEN count(*) FILTER (WHERE minutes <= standard_minutes)::float8 / count(*) END AS "withinStandardShare"
  FROM (
    SELECT force_id, grade, arrived_at,
           EXTRACT(EPOCH FROM arrived_at - call_connected_at)::float8 / 60 AS minutes,
           CASE WHEN grade = 'EMERGENCY' THEN CASE area_type WHEN 'URBAN' THEN $4::float8 ELSE $5::float8 END END AS standard_minutes
    FROM response_times.incident
    WHERE force_id = ANY($1::text[])
      AND month BETWEEN date_trunc('month', $2::date)::date AND $3::date
      AND (call_connected_at AT TIME ZONE 'Europe/London')::date BETWEEN $2::date AND $3::date
  ) timed
  GROUP BY force_id, grade`;

const CALLS_999_SQL = `
  SELECT force_id AS "forceId",
         sum(calls_received)::int AS "callsReceived",
         sum(answered_within_10s)::int AS "answeredWithin10s",
         (sum(mean_answer_seconds * calls_received) / NULLIF(sum(calls_received), 0))::float8 AS "meanAnswerSeconds",
         count(*)::int AS months
  FROM response_times.calls_999_month
  WHERE force_id = ANY($1::text[]) AND month BETWEEN $2::date AND $3::date
  GROUP BY force_id`;

export function createLoaders(prisma: PrismaClient) {
  return {
    attendance: forcePeriodLoader(async (forceIds: string[], period: Period) => {
      const rows = await prisma.$queryRawUnsafe<AttendanceRow[]>(
        ATTENDANCE_SQL, forceIds, period.from, period.to,
        EMERGENCY_ATTENDANCE_STANDARD_MINUTES.URBAN, EMERGENCY_ATTENDANCE_STANDARD_MINUTES.RURAL,
      );
      const byForce = new Map<string, Map<IncidentGrade, AttendanceRow>>();
      for (const row of rows) {
        if (!byForce.has(row.forceId)) byForce.set(row.forceId, new Map());
        byForce.get(row.forceId)!.set(row.grade, row);
      }
      return byForce;
    }, new Map<IncidentGrade, AttendanceRow>()),
    calls999: forcePeriodLoader(async (forceIds: string[], period: Period) => {
      const rows = await prisma.$queryRawUnsafe<Calls999Row[]>(CALLS_999_SQL, forceIds, period.from, period.to);
      return new Map(rows.map((row) => [row.forceId, row]));
    }, null as Calls999Row | null),
  };
}

export interface ResponseTimesContext {
  prisma: PrismaClient;
  loaders: ReturnType<typeof createLoaders>;
}

export const createContext = (prisma: PrismaClient): ResponseTimesContext => ({ prisma, loaders: createLoaders(prisma) });
