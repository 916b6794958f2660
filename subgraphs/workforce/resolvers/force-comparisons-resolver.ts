import { Arg, Ctx, Directive, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { compareWorkforceMeasure } from "../comparisons.ts";
import { MeasureComparison } from "../../shared/measures/measure-types.ts";
import type { WorkforceContext } from "../loaders.ts";
import { WORKFORCE_MEASURES } from "../measures.ts";
import { Force } from "../schema/force.ts";
import { AsAtArg } from "../../shared/graphql/period-args.ts";

@Resolver(() => Force)
export class ForceWorkforceComparisonsResolver {
  @FieldResolver(() => [MeasureComparison], {
    description:
      "Workforce measures (officers and neighbourhood FTE per 1,000 residents, visible frontline share) at a date against national, region and most similar group, " +
      "with rank and the snapshot a year earlier. Snapshots are annual, so `monthly` is empty.",
  })
  @Directive(
    '@requires(fields: "regionForceIds mostSimilarGroupForceIds forcePopulations { forceId population estimates { year population } }")',
  )
  async workforceComparisons(
    @Root() force: Force,
    @AsAtArg() asAt: Date,
    @Arg("group", () => [ID], { nullable: true, description: "Ids of forces to compare with as a group, e.g. a custom group's members." })
    group: string[] | null,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() context: WorkforceContext,
  ) {
    const loaders = context.loaders(asPublishedOn);
    return Promise.all(
      WORKFORCE_MEASURES.map((measure) => compareWorkforceMeasure(measure, force, asAt, loaders, { groupForceIds: group ?? [] })),
    );
  }
}
