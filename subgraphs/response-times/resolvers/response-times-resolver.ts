import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { checkPeriod } from "../../shared/graphql/period.ts";
import { LocalDate } from "../../shared/graphql/scalars.ts";
import type { ResponseTimesContext } from "../loaders.ts";
import { Calls999Summary } from "../schema/calls-999-summary.ts";
import { Force } from "../schema/force.ts";
import { GradeAttendance } from "../schema/grade-attendance.ts";
import { IncidentGrade } from "../schema/incident-grade.ts";
import { ResponseTimeSummary } from "../schema/response-time-summary.ts";

@Resolver(() => Force)
export class ForceResponseTimesResolver {
  @FieldResolver(() => ResponseTimeSummary, { nullable: true, description: "Response times measured to the national standard over a period (inclusive days)." })
  responseTimes(
    @Root() force: Force,
    @Arg("from", () => LocalDate) from: Date,
    @Arg("to", () => LocalDate) to: Date,
  ): ResponseTimeSummary {
    return { forceId: force.id, ...checkPeriod(from, to) };
  }
}

@Resolver(() => ResponseTimeSummary)
export class ResponseTimeSummaryResolver {
  private async grade(summary: ResponseTimeSummary, grade: IncidentGrade, { loaders }: ResponseTimesContext): Promise<GradeAttendance> {
    const row = (await loaders.attendance.load({ forceId: summary.forceId, period: summary })).get(grade);
    if (!row) {
      return { grade, incidents: 0, attended: 0, notAttended: 0, attendanceMedianMinutes: null, attendanceP90Minutes: null, withinStandardShare: null };
    }
    return { ...row, grade, notAttended: row.incidents - row.attended };
  }

  @FieldResolver(() => GradeAttendance, { description: "Grade 1: an immediate threat to life or property. Standard: 15 minutes urban, 20 rural." })
  emergency(@Root() summary: ResponseTimeSummary, @Ctx() context: ResponseTimesContext) {
    return this.grade(summary, IncidentGrade.EMERGENCY, context);
  }

  @FieldResolver(() => GradeAttendance, { description: "Grade 2: attendance needed soon; no national time standard yet." })
  priority(@Root() summary: ResponseTimeSummary, @Ctx() context: ResponseTimesContext) {
    return this.grade(summary, IncidentGrade.PRIORITY, context);
  }

  @FieldResolver(() => GradeAttendance, { description: "Grade 3: attendance by appointment." })
  scheduled(@Root() summary: ResponseTimeSummary, @Ctx() context: ResponseTimesContext) {
    return this.grade(summary, IncidentGrade.SCHEDULED, context);
  }

  @FieldResolver(() => GradeAttendance, { description: "Incidents resolved without sending anyone (e.g. by phone); attendance figures are null." })
  resolvedWithoutDeployment(@Root() summary: ResponseTimeSummary, @Ctx() context: ResponseTimesContext) {
    return this.grade(summary, IncidentGrade.RESOLVED_WITHOUT_DEPLOYMENT, context);
  }

  @FieldResolver(() => Calls999Summary, { nullable: true, description: "999 answering in the months that start within the period; null when no month is published." })
  async calls999(@Root() summary: ResponseTimeSummary, @Ctx() { loaders }: ResponseTimesContext): Promise<Calls999Summary | null> {
    const row = await loaders.calls999.load({ forceId: summary.forceId, period: summary });
    if (!row) return null;
    return {
      ...row,
      from: summary.from,
      to: summary.to,
      answeredWithin10sShare: row.callsReceived > 0 ? row.answeredWithin10s / row.callsReceived : null,
    };
  }
}
