import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { ROWS_REQUIRE } from "../../shared/figures/figure-entities.ts";
import { figureRows, monthPeriods, type FigureTableReference } from "../../shared/figures/figure-rows.ts";
import { MeasureCatalogueEntry } from "../../shared/figures/figure-types.ts";
import { OWNER_FIGURES } from "../../shared/figures/owner-figure-types.ts";
import { catalogueEntry } from "../../shared/figures/measure-catalogue.ts";
import { compareCrimeMeasure } from "../comparisons.ts";
import { CRIME_COUNTS } from "../figures.ts";
import type { CrimePrioritiesContext } from "../loaders.ts";
import { CRIME_PRIORITY_MEASURES, findCrimeMeasure } from "../measures.ts";
import { FigureTable, Measure } from "../schema/figures.ts";

@Resolver(() => FigureTable)
export class CrimePriorityFiguresResolver {
  @FieldResolver(() => [OWNER_FIGURES["crime-priorities"]], {
    description: "The table's rows of crime-priority measures (hidden: the forces subgraph serves them as `rows`).",
  })
  @Directive("@inaccessible")
  @Directive(`@requires(fields: "${ROWS_REQUIRE}")`)
  crimePrioritiesRows(@Root() table: FigureTableReference, @Ctx() context: CrimePrioritiesContext) {
    return figureRows(table, {
      measures: CRIME_PRIORITY_MEASURES,
      periods: (request, measure) => monthPeriods(request, measure.id),
      compare: (measure, force, period) => compareCrimeMeasure(measure, force, period, context, { series: false }),
    });
  }
}

@Resolver(() => Measure)
export class CrimePriorityDefinitionResolver {
  @FieldResolver(() => MeasureCatalogueEntry, {
    nullable: true,
    description: "The definition of a crime-priority measure; null for others (hidden: the forces subgraph serves it).",
  })
  @Directive("@inaccessible")
  crimePrioritiesDefinition(@Root() { id }: Measure, @Ctx() { prisma }: CrimePrioritiesContext) {
    const measure = findCrimeMeasure(id);
    return measure ? catalogueEntry(prisma, "crime_priorities", measure, [CRIME_COUNTS[measure.count].measure], false) : null;
  }
}
