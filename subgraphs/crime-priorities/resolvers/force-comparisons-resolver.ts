import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { assertCanSeeForce } from "../../shared/auth/viewer.ts";
import { ACCESS } from "../access.ts";
import { badArgument } from "../../shared/graphql/errors.ts";
import { checkPeriod } from "../../shared/graphql/period.ts";
import { LocalDate } from "../../shared/graphql/scalars.ts";
import { MeasureComparison, WatchlistAlert } from "../../shared/measures/measure-types.ts";
import { compareCrimeMeasure } from "../comparisons.ts";
import type { CrimePrioritiesContext } from "../loaders.ts";
import { CRIME_PRIORITY_MEASURES, findCrimeMeasure } from "../measures.ts";
import { Force } from "../schema/force.ts";
import { crimePriorityAlerts } from "../watchlist.ts";

const COMPARISON_INPUTS = '@requires(fields: "regionForceIds mostSimilarGroupForceIds forcePopulations { forceId population }")';

@Resolver(() => Force)
export class ForceCrimeComparisonsResolver {
  @FieldResolver(() => [MeasureComparison], {
    description: "Crime-priority measures (rates per 1,000 weighted by population, VAWG charge rate) against national, region and most similar group, with rank, year-on-year change and monthly series.",
  })
  @Directive(COMPARISON_INPUTS)
  crimePriorityComparisons(
    @Root() force: Force,
    @Arg("from", () => LocalDate) from: Date,
    @Arg("to", () => LocalDate) to: Date,
    @Arg("measures", () => [ID], { nullable: true, description: "Measure ids to include; all when omitted." }) ids: string[] | null,
    @Arg("group", () => [ID], { nullable: true, description: "Ids of forces to compare with as a group, e.g. a custom group's members." }) group: string[] | null,
    @Ctx() context: CrimePrioritiesContext,
  ) {
    const period = checkPeriod(from, to);
    const unknown = ids?.find((id) => !findCrimeMeasure(id));
    if (unknown) throw badArgument("measures", `unknown measure "${unknown}"; known: ${CRIME_PRIORITY_MEASURES.map((measure) => measure.id).join(", ")}`);
    const chosen = ids ? ids.map((id) => findCrimeMeasure(id)!) : CRIME_PRIORITY_MEASURES;
    return Promise.all(chosen.map((measure) => compareCrimeMeasure(measure, force, period, context, group ?? [])));
  }

  @FieldResolver(() => [WatchlistAlert], { nullable: true, description: "Crime-priority watchlist rules this force triggered over the period, each with its evidence. Signed-in roles; a force sees its own." })
  @Directive(COMPARISON_INPUTS)
  @Authorized(...ACCESS.alerts)
  crimePriorityAlerts(@Root() force: Force, @Arg("from", () => LocalDate) from: Date, @Arg("to", () => LocalDate) to: Date, @Ctx() context: CrimePrioritiesContext) {
    assertCanSeeForce(context.viewer, force.id);
    return crimePriorityAlerts(context, checkPeriod(from, to), force);
  }
}
