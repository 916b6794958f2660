import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { chooseMeasures, STRING_MEASURE_DEPRECATION } from "../../shared/figures/choose-measures.ts";
import { MeasureId } from "../../shared/figures/measure-id.ts";
import { compareResponseMeasure } from "../comparisons.ts";
import { Source } from "../../shared/graphql/source.ts";
import { MeasureComparison } from "../../shared/measures/measure-types.ts";
import type { ResponseTimesContext } from "../loaders.ts";
import { RESPONSE_TIME_MEASURES } from "../measure-figures.ts";
import { roundTo } from "../../shared/measures/compare.ts";
import {
  attendancePercentileMinutes,
  CALLS_999_MEAN_ANSWER,
  CALLS_999_WITHIN_10S,
  EMERGENCY_ATTENDANCE_MEDIAN,
  EMERGENCY_ATTENDANCE_P90,
  EMERGENCY_WITHIN_STANDARD,
  withinStandardShare,
} from "../measures.ts";
import { Calls999Summary } from "../schema/calls-999-summary.ts";
import { GradeAttendance } from "../schema/grade-attendance.ts";
import { IncidentGrade } from "../schema/incident-grade.ts";
import { ResponseTimeSummary } from "../schema/response-time-summary.ts";

@Resolver(() => ResponseTimeSummary)
export class ResponseTimeSummaryResolver {
  private async grade(summary: ResponseTimeSummary, grade: IncidentGrade, { loaders }: ResponseTimesContext): Promise<GradeAttendance> {
    const [all, coverage] = await Promise.all([
      loaders.attendance(summary, grade),
      loaders.forceCoverage(summary, "ATTENDANCE", summary.forceId),
    ]);
    const figures = all.get(summary.forceId);
    if (!figures) {
      // Covered and none recorded is 0; not covered is null.
      const none = coverage.monthsCovered > 0 ? 0 : null;
      return {
        grade,
        incidents: none,
        attended: none,
        notAttended: none,
        attendanceMedianMinutes: null,
        attendanceP90Minutes: null,
        withinStandardShare: null,
        coverage,
      };
    }
    return {
      grade,
      coverage,
      incidents: figures.incidents,
      attended: figures.attended,
      notAttended: figures.incidents - figures.attended,
      attendanceMedianMinutes: roundTo(attendancePercentileMinutes(figures, 0.5), EMERGENCY_ATTENDANCE_MEDIAN.precision),
      attendanceP90Minutes: roundTo(attendancePercentileMinutes(figures, 0.9), EMERGENCY_ATTENDANCE_P90.precision),
      withinStandardShare: roundTo(withinStandardShare(figures), EMERGENCY_WITHIN_STANDARD.precision),
    };
  }

  @FieldResolver(() => GradeAttendance, {
    description: "Grade 1: an immediate threat to life or property. Standard: 15 minutes urban, 20 rural.",
  })
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

  @FieldResolver(() => GradeAttendance, {
    description: "Incidents resolved without sending anyone (e.g. by phone); attendance figures are null.",
  })
  resolvedWithoutDeployment(@Root() summary: ResponseTimeSummary, @Ctx() context: ResponseTimesContext) {
    return this.grade(summary, IncidentGrade.RESOLVED_WITHOUT_DEPLOYMENT, context);
  }

  @FieldResolver(() => Calls999Summary, {
    nullable: true,
    description: "999 answering in the months that start within the period; null when no month is published.",
  })
  async calls999(@Root() summary: ResponseTimeSummary, @Ctx() { loaders }: ResponseTimesContext): Promise<Calls999Summary | null> {
    const [all, coverage] = await Promise.all([loaders.calls(summary), loaders.forceCoverage(summary, "CALLS_999", summary.forceId)]);
    const figures = all.get(summary.forceId);
    if (!figures) return null;
    return {
      coverage,
      forceId: summary.forceId,
      from: summary.from,
      to: summary.to,
      callsReceived: figures.callsReceived,
      answeredWithin10s: figures.answeredWithin10s,
      answeredWithin10sShare:
        figures.callsReceived > 0 ? roundTo(figures.answeredWithin10s / figures.callsReceived, CALLS_999_WITHIN_10S.precision) : null,
      meanAnswerSeconds:
        figures.callsReceived > 0 ? roundTo(figures.answerSecondsTotal / figures.callsReceived, CALLS_999_MEAN_ANSWER.precision) : null,
      months: figures.months,
    };
  }

  @FieldResolver(() => [Source], { description: "The import batches (files, or the synthetic sample) these figures are computed from." })
  sources(@Root() summary: ResponseTimeSummary, @Ctx() { loaders }: ResponseTimesContext) {
    return loaders.sources(summary, summary.forceId);
  }

  @FieldResolver(() => [MeasureComparison], {
    description:
      "Every response-time measure (or those named) for the force against national, region and most similar group, with rank, year-on-year change and monthly series.",
  })
  async comparisons(
    @Root() summary: ResponseTimeSummary,
    @Arg("measureIds", () => [MeasureId], { nullable: true, description: "Measures to include; all when omitted." })
    measureIds: MeasureId[] | null,
    @Arg("measures", () => [ID], { nullable: true, description: "Measure ids as strings.", deprecationReason: STRING_MEASURE_DEPRECATION })
    ids: string[] | null,
    @Arg("group", () => [ID], { nullable: true, description: "Ids of forces to compare with as a group, e.g. a custom group's members." })
    group: string[] | null,
    @Ctx() context: ResponseTimesContext,
  ): Promise<MeasureComparison[]> {
    const chosen = chooseMeasures(RESPONSE_TIME_MEASURES, (sourced) => sourced.measure.id, measureIds, ids);
    const force = {
      id: summary.forceId,
      regionForceIds: summary.regionForceIds,
      mostSimilarGroupForceIds: summary.mostSimilarGroupForceIds,
    };
    return Promise.all(chosen.map((sourced) => compareResponseMeasure(sourced, force, summary, context, { groupForceIds: group ?? [] })));
  }
}
