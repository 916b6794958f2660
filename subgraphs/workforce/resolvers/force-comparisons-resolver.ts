import { Arg, Ctx, Directive, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { financialYearOf, shiftYears } from "../../shared/graphql/period.ts";
import { populationsFor, type PopulationBasis } from "../../shared/measures/population.ts";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { LocalDate } from "../../shared/graphql/scalars.ts";
import { compareMeasure } from "../../shared/measures/compare.ts";
import { MeasureComparison } from "../../shared/measures/measure-types.ts";
import type { SnapshotRow, WorkforceContext } from "../loaders.ts";
import { WORKFORCE_MEASURES, type WorkforceFigures } from "../measures.ts";
import { Force } from "../schema/force.ts";
import { SNAPSHOT_MEASURES } from "../snapshots.ts";

function withPopulations(snapshots: Map<string, SnapshotRow>, populations: Map<string, PopulationBasis>): Map<string, WorkforceFigures> {
  const figures = new Map<string, WorkforceFigures>();
  for (const [forceId, row] of snapshots) {
    const population = populations.get(forceId)?.population;
    if (population) {
      const { officersFte, visibleFrontlineOfficersFte, frontlineOfficersFte, neighbourhoodFte } = row;
      figures.set(forceId, { population, officersFte, visibleFrontlineOfficersFte, frontlineOfficersFte, neighbourhoodFte });
    }
  }
  return figures;
}

@Resolver(() => Force)
export class ForceWorkforceComparisonsResolver {
  @FieldResolver(() => [MeasureComparison], {
    description:
      "Workforce measures (officers and neighbourhood FTE per 1,000 residents, visible frontline share) at a date against national, region and most similar group, " +
      "with rank and the snapshot a year earlier. Snapshots are annual, so `monthly` is empty.",
  })
  @Directive('@requires(fields: "regionForceIds mostSimilarGroupForceIds forcePopulations { forceId population estimates { year population } }")')
  async workforceComparisons(
    @Root() force: Force,
    @Arg("asAt", () => LocalDate) asAt: Date,
    @Arg("group", () => [ID], { nullable: true, description: "Ids of forces to compare with as a group, e.g. a custom group's members." }) group: string[] | null,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() context: WorkforceContext,
  ) {
    const loaders = context.loaders(asPublishedOn);
    // A snapshot divides by the populations of the financial year it falls in (31 March 2025: 2024/25, mid-2024).
    const populations = populationsFor(force.forcePopulations, financialYearOf(asAt));
    const [now, yearBefore] = await Promise.all([loaders.allSnapshots(asAt), loaders.allSnapshots(shiftYears(asAt, -1))]);
    const snapshot = now.get(force.id);
    return Promise.all(WORKFORCE_MEASURES.map(async ([measure, part]) =>
      compareMeasure(measure, {
        sources: await loaders.batchSources(snapshot?.units[part] ? [snapshot.units[part].batchId] : []),
        unavailableReason: snapshot?.coverage.find((entry) => entry.measure === SNAPSHOT_MEASURES[part].measure)?.reason ?? undefined,
        forceId: force.id,
        figures: withPopulations(now, populations),
        yearEarlierFigures: withPopulations(yearBefore, populationsFor(force.forcePopulations, financialYearOf(asAt) - 1)),
        populations,
        regionForceIds: force.regionForceIds ?? [],
        mostSimilarGroupForceIds: force.mostSimilarGroupForceIds ?? [],
        groupForceIds: group ?? [],
        monthly: [],
      }),
    ));
  }
}
