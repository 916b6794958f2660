import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { assertCanSeeForce } from "../../shared/auth/viewer.ts";
import { ACCESS } from "../access.ts";
import { checkPeriod } from "../../shared/graphql/period.ts";
import { LocalDate } from "../../shared/graphql/scalars.ts";
import { MeasureComparison, WatchlistAlert } from "../../shared/measures/measure-types.ts";
import { compareMisconductMeasure } from "../comparisons.ts";
import type { MisconductContext } from "../loaders.ts";
import { MISCONDUCT_MEASURES } from "../measures.ts";
import { Force } from "../schema/force.ts";
import { misconductAlerts } from "../watchlist.ts";

const COMPARISON_INPUTS = '@requires(fields: "regionForceIds mostSimilarGroupForceIds forceOfficerStrengths { forceId officersFte }")';

@Resolver(() => Force)
export class ForceMisconductComparisonsResolver {
  @FieldResolver(() => [MeasureComparison], { description: "Misconduct measures (cases per 100 officers) against national, region and most similar group, with rank, year-on-year change and monthly series." })
  @Directive(COMPARISON_INPUTS)
  misconductComparisons(
    @Root() force: Force,
    @Arg("from", () => LocalDate) from: Date,
    @Arg("to", () => LocalDate) to: Date,
    @Arg("group", () => [ID], { nullable: true, description: "Ids of forces to compare with as a group, e.g. a custom group's members." }) group: string[] | null,
    @Ctx() context: MisconductContext,
  ) {
    const period = checkPeriod(from, to);
    return Promise.all(MISCONDUCT_MEASURES.map((measure) => compareMisconductMeasure(measure, force, period, context, group ?? [])));
  }

  @FieldResolver(() => [WatchlistAlert], { nullable: true, description: "Misconduct watchlist rules this force triggered over the period, each with its evidence. Signed-in roles; a force sees its own." })
  @Directive(COMPARISON_INPUTS)
  @Authorized(...ACCESS.alerts)
  misconductAlerts(@Root() force: Force, @Arg("from", () => LocalDate) from: Date, @Arg("to", () => LocalDate) to: Date, @Ctx() context: MisconductContext) {
    assertCanSeeForce(context.viewer, force.id);
    return misconductAlerts(context, checkPeriod(from, to), force);
  }
}
