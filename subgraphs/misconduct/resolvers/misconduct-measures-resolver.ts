import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { assertCanSeeForce } from "../../../shared/auth/viewer.ts";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { checkPeriod } from "../../shared/graphql/period.ts";
import { MeasureComparison, WatchlistAlert } from "../../shared/measures/measure-types.ts";
import { ACCESS } from "../access.ts";
import { compareMisconductMeasure } from "../comparisons.ts";
import type { MisconductContext } from "../loaders.ts";
import { MISCONDUCT_MEASURES } from "../measures.ts";
import { Force } from "../schema/force.ts";
import { MisconductMeasures } from "../schema/misconduct-measures.ts";
import { misconductAlerts } from "../watchlist.ts";
import { FromArg, ToArg } from "../../shared/graphql/period-args.ts";

@Resolver(() => Force)
export class ForceMisconductMeasuresResolver {
  @FieldResolver(() => MisconductMeasures, {
    description: "Misconduct measures (cases per 100 officers) over a period: comparisons and watchlist alerts.",
  })
  @Directive('@requires(fields: "regionForceIds mostSimilarGroupForceIds forceOfficerStrengths { forceId officersFte synthetic }")')
  misconductMeasures(
    @Root() force: Force,
    @FromArg() from: Date,
    @ToArg() to: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
  ): MisconductMeasures {
    const period = checkPeriod(from, to, asPublishedOn);
    return { forceId: force.id, force, period, ...period };
  }
}

@Resolver(() => MisconductMeasures)
export class MisconductMeasuresResolver {
  @FieldResolver(() => [MeasureComparison], {
    description: "Each measure against national, region and most similar group, with rank, year-on-year change and monthly series.",
  })
  comparisons(
    @Root() { force, period }: MisconductMeasures,
    @Arg("group", () => [ID], { nullable: true, description: "Ids of forces to compare with as a group, e.g. a custom group's members." })
    group: string[] | null,
    @Ctx() context: MisconductContext,
  ) {
    return Promise.all(
      MISCONDUCT_MEASURES.map((measure) => compareMisconductMeasure(measure, force, period, context, { groupForceIds: group ?? [] })),
    );
  }

  @FieldResolver(() => [WatchlistAlert], {
    nullable: true,
    description:
      "Misconduct watchlist rules the force triggered over the period, each with its evidence. Signed-in roles; a force sees its own.",
  })
  @Authorized(...ACCESS.alerts)
  alerts(@Root() { force, period }: MisconductMeasures, @Ctx() context: MisconductContext) {
    assertCanSeeForce(context.viewer, force.id);
    return misconductAlerts(context, period, force);
  }
}
