import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { assertCanSeeForce } from "../../../shared/auth/viewer.ts";
import { chooseMeasures, STRING_MEASURE_DEPRECATION } from "../../shared/figures/choose-measures.ts";
import { MeasureId } from "../../shared/figures/measure-id.ts";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { checkPeriod } from "../../shared/graphql/period.ts";
import { MeasureComparison, WatchlistAlert } from "../../shared/measures/measure-types.ts";
import { ACCESS } from "../access.ts";
import { compareCrimeMeasure } from "../comparisons.ts";
import type { CrimePrioritiesContext } from "../loaders.ts";
import { CRIME_PRIORITY_MEASURES } from "../measures.ts";
import { CrimePriorityMeasures } from "../schema/crime-priority-measures.ts";
import { Force } from "../schema/force.ts";
import { crimePriorityAlerts } from "../watchlist.ts";
import { FromArg, ToArg } from "../../shared/graphql/period-args.ts";

@Resolver(() => Force)
export class ForceCrimeMeasuresResolver {
  @FieldResolver(() => CrimePriorityMeasures, {
    description:
      "Crime-priority measures (rates per 1,000 weighted by population, VAWG charge rate) over a period: comparisons and watchlist alerts.",
  })
  @Directive(
    '@requires(fields: "regionForceIds mostSimilarGroupForceIds forcePopulations { forceId population estimates { year population } }")',
  )
  crimePriorityMeasures(
    @Root() force: Force,
    @FromArg() from: Date,
    @ToArg() to: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
  ): CrimePriorityMeasures {
    const period = checkPeriod(from, to, asPublishedOn);
    return { forceId: force.id, force, period, ...period };
  }
}

@Resolver(() => CrimePriorityMeasures)
export class CrimePriorityMeasuresResolver {
  @FieldResolver(() => [MeasureComparison], {
    description:
      "Each measure (or those named) against national, region and most similar group, with rank, year-on-year change and monthly series.",
  })
  comparisons(
    @Root() { force, period }: CrimePriorityMeasures,
    @Arg("measureIds", () => [MeasureId], { nullable: true, description: "Measures to include; all when omitted." })
    measureIds: MeasureId[] | null,
    @Arg("measures", () => [ID], { nullable: true, description: "Measure ids as strings.", deprecationReason: STRING_MEASURE_DEPRECATION })
    ids: string[] | null,
    @Arg("group", () => [ID], { nullable: true, description: "Ids of forces to compare with as a group, e.g. a custom group's members." })
    group: string[] | null,
    @Ctx() context: CrimePrioritiesContext,
  ) {
    const chosen = chooseMeasures(CRIME_PRIORITY_MEASURES, (measure) => measure.id, measureIds, ids);
    return Promise.all(chosen.map((measure) => compareCrimeMeasure(measure, force, period, context, { groupForceIds: group ?? [] })));
  }

  @FieldResolver(() => [WatchlistAlert], {
    nullable: true,
    description:
      "Crime-priority watchlist rules the force triggered over the period, each with its evidence. Signed-in roles; a force sees its own.",
  })
  @Authorized(...ACCESS.alerts)
  alerts(@Root() { force, period }: CrimePriorityMeasures, @Ctx() context: CrimePrioritiesContext) {
    assertCanSeeForce(context.viewer, force.id);
    return crimePriorityAlerts(context, period, force);
  }
}
