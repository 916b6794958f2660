import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { isoDay, monthsStartingWithin, yearEarlier } from "../../shared/graphql/period.ts";
import { comparisonNotes } from "../../shared/ingest/plausibility.ts";
import { badArgument } from "../../../shared/graphql/errors.ts";
import { compareMeasure } from "../../shared/measures/compare.ts";
import { Source } from "../../shared/graphql/source.ts";
import { MeasureComparison } from "../../shared/measures/measure-types.ts";
import type { ResponseTimesContext } from "../loaders.ts";
import { findMeasure, monthlySeries, RESPONSE_TIME_MEASURES } from "../measure-figures.ts";
import { attendancePercentileMinutes, withinStandardShare } from "../measures.ts";
import { Calls999Summary } from "../schema/calls-999-summary.ts";
import { GradeAttendance } from "../schema/grade-attendance.ts";
import { IncidentGrade } from "../schema/incident-grade.ts";
import { ResponseTimeSummary } from "../schema/response-time-summary.ts";

@Resolver(() => ResponseTimeSummary)
export class ResponseTimeSummaryResolver {
  private async grade(summary: ResponseTimeSummary, grade: IncidentGrade, { loaders }: ResponseTimesContext): Promise<GradeAttendance> {
    const [all, coverage] = await Promise.all([loaders.attendance(summary, grade), loaders.forceCoverage(summary, "ATTENDANCE", summary.forceId)]);
    const figures = all.get(summary.forceId);
    if (!figures) {
      // Covered and none recorded is 0; not covered is null.
      const none = coverage.monthsCovered > 0 ? 0 : null;
      return { grade, incidents: none, attended: none, notAttended: none, attendanceMedianMinutes: null, attendanceP90Minutes: null, withinStandardShare: null, coverage };
    }
    return {
      grade,
      coverage,
      incidents: figures.incidents,
      attended: figures.attended,
      notAttended: figures.incidents - figures.attended,
      attendanceMedianMinutes: attendancePercentileMinutes(figures, 0.5),
      attendanceP90Minutes: attendancePercentileMinutes(figures, 0.9),
      withinStandardShare: withinStandardShare(figures),
    };
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
      answeredWithin10sShare: figures.callsReceived > 0 ? figures.answeredWithin10s / figures.callsReceived : null,
      meanAnswerSeconds: figures.callsReceived > 0 ? figures.answerSecondsTotal / figures.callsReceived : null,
      months: figures.months,
    };
  }

  @FieldResolver(() => [Source], { description: "The import batches (files, or the synthetic sample) these figures are computed from." })
  sources(@Root() summary: ResponseTimeSummary, @Ctx() { loaders }: ResponseTimesContext) {
    return loaders.sources(summary, summary.forceId);
  }

  @FieldResolver(() => [MeasureComparison], {
    description: "Every response-time measure (or those named) for the force against national, region and most similar group, with rank, year-on-year change and monthly series.",
  })
  async comparisons(
    @Root() summary: ResponseTimeSummary,
    @Arg("measures", () => [ID], { nullable: true, description: "Measure ids to include; all when omitted." }) ids: string[] | null,
    @Arg("group", () => [ID], { nullable: true, description: "Ids of forces to compare with as a group, e.g. a custom group's members." }) group: string[] | null,
    @Ctx() { loaders }: ResponseTimesContext,
  ): Promise<MeasureComparison[]> {
    const unknown = ids?.find((id) => !findMeasure(id));
    if (unknown) throw badArgument("measures", `unknown measure "${unknown}"; known: ${RESPONSE_TIME_MEASURES.map((sourced) => sourced.measure.id).join(", ")}`);
    const chosen = ids ? ids.map((id) => findMeasure(id)!) : RESPONSE_TIME_MEASURES;
    return Promise.all(
      chosen.map(async (sourced) => {
        const figures = await sourced.period(loaders, summary);
        const months = new Set(monthsStartingWithin(summary).map(isoDay));
        return compareMeasure(sourced.measure, {
          forceId: summary.forceId,
          figures,
          yearEarlierFigures: await sourced.period(loaders, yearEarlier(summary)),
          regionForceIds: summary.regionForceIds,
          mostSimilarGroupForceIds: summary.mostSimilarGroupForceIds,
          groupForceIds: group ?? [],
          monthly: await monthlySeries(sourced, loaders, summary, summary.forceId),
          unavailableReason: (await loaders.forceCoverage(summary, sourced.coverage, summary.forceId)).reason ?? undefined,
          qualityNotes: comparisonNotes(await loaders.implausibleMonths(summary, sourced.check), summary.forceId, months, figures.keys()),
          sources: await loaders.measureSources(summary, sourced.coverage, summary.forceId),
        });
      }),
    );
  }
}
