import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { assertCanSeeForce } from "../../../shared/auth/viewer.ts";
import { ACCESS } from "../access.ts";
import { Breakdown, breakdown } from "../../shared/disclosure/breakdown.ts";
import { Source } from "../../shared/graphql/source.ts";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { checkPeriod } from "../../shared/graphql/period.ts";
import { sameCounts, type MisconductContext } from "../loaders.ts";
import { Force } from "../schema/force.ts";
import { MisconductSummary, VettingSummary } from "../schema/misconduct-summary.ts";
import { FromArg, ToArg } from "../../shared/graphql/period-args.ts";

@Resolver(() => Force)
export class ForceMisconductResolver {
  @FieldResolver(() => MisconductSummary, {
    nullable: true,
    description: "Misconduct cases, proceedings and outcomes over a period (inclusive days).",
  })
  async misconduct(
    @Root() force: Force,
    @FromArg() from: Date,
    @ToArg() to: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() { loaders }: MisconductContext,
  ): Promise<MisconductSummary | null> {
    const period = checkPeriod(from, to, asPublishedOn);
    const [row, coverageOf] = await Promise.all([loaders.misconduct.load({ forceId: force.id, period }), loaders.caseCoverage(period)]);
    const coverage = coverageOf(force.id);
    if (coverage.monthsCovered === 0) return { ...period, ...sameCounts(force.id, null), coverage };
    return row && { ...row, ...period, coverage };
  }

  @FieldResolver(() => VettingSummary, {
    nullable: true,
    description:
      "Vetting decisions over the returns wholly within a period; null when no loaded return covers any of it. Signed-in roles; a force sees its own.",
  })
  @Authorized(...ACCESS.vetting)
  async vetting(
    @Root() force: Force,
    @FromArg() from: Date,
    @ToArg() to: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() { loaders, viewer }: MisconductContext,
  ): Promise<VettingSummary | null> {
    assertCanSeeForce(viewer, force.id);
    const period = checkPeriod(from, to, asPublishedOn);
    const [row, coverageOf] = await Promise.all([loaders.vetting.load({ forceId: force.id, period }), loaders.vettingCoverage(period)]);
    return row && { ...row, ...period, coverage: coverageOf(force.id) };
  }
}

@Resolver(() => MisconductSummary)
export class MisconductSummaryResolver {
  private async breakdown(summary: MisconductSummary, column: "subject_sex" | "subject_ethnicity", { loaders, viewer }: MisconductContext) {
    const cells = (await loaders.casesBy(summary, column)).get(summary.forceId) ?? [];
    return breakdown(cells, (ACCESS.unsuppressedBreakdowns as string[]).includes(viewer.role));
  }

  @FieldResolver(() => Breakdown, {
    description: "Cases opened in the period by the subject's sex; counts of 1 to 9 suppressed except for HOME_OFFICE.",
  })
  casesBySubjectSex(@Root() summary: MisconductSummary, @Ctx() context: MisconductContext) {
    return this.breakdown(summary, "subject_sex", context);
  }

  @FieldResolver(() => Breakdown, {
    description: "Cases opened in the period by the subject's ethnicity; counts of 1 to 9 suppressed except for HOME_OFFICE.",
  })
  casesBySubjectEthnicity(@Root() summary: MisconductSummary, @Ctx() context: MisconductContext) {
    return this.breakdown(summary, "subject_ethnicity", context);
  }

  @FieldResolver(() => [Source], { description: "The import batches (files, or the synthetic sample) these figures are computed from." })
  sources(@Root() summary: MisconductSummary, @Ctx() { loaders }: MisconductContext) {
    return loaders.sources(summary, summary.forceId);
  }
}
