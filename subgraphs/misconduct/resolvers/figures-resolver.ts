import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { ROWS_REQUIRE } from "../../shared/figures/figure-entities.ts";
import { figureRows, monthPeriods, type FigureTableReference } from "../../shared/figures/figure-rows.ts";
import { MeasureCatalogueEntry } from "../../shared/figures/figure-types.ts";
import { OWNER_FIGURES } from "../../shared/figures/owner-figure-types.ts";
import { catalogueEntry } from "../../shared/figures/measure-catalogue.ts";
import { compareMisconductMeasure } from "../comparisons.ts";
import { MISCONDUCT_CASES, type MisconductContext } from "../loaders.ts";
import { findMisconductMeasure, MISCONDUCT_MEASURES } from "../measures.ts";
import { FigureTable, Measure } from "../schema/figures.ts";

@Resolver(() => FigureTable)
export class MisconductFiguresResolver {
  @FieldResolver(() => [OWNER_FIGURES["misconduct"]], {
    description: "The table's rows of misconduct measures (hidden: the forces subgraph serves them as `rows`).",
  })
  @Directive("@inaccessible")
  @Directive(`@requires(fields: "${ROWS_REQUIRE} forceOfficerStrengths { forceId officersFte synthetic }")`)
  misconductRows(@Root() table: FigureTableReference, @Ctx() context: MisconductContext) {
    return figureRows(table, {
      measures: MISCONDUCT_MEASURES,
      periods: (request, measure) => monthPeriods(request, measure.id),
      compare: (measure, force, period) => compareMisconductMeasure(measure, force, period, context, { series: false }),
    });
  }
}

@Resolver(() => Measure)
export class MisconductDefinitionResolver {
  @FieldResolver(() => MeasureCatalogueEntry, {
    nullable: true,
    description: "The definition of a misconduct measure; null for others (hidden: the forces subgraph serves it).",
  })
  @Directive("@inaccessible")
  misconductDefinition(@Root() { id }: Measure, @Ctx() { prisma }: MisconductContext) {
    const measure = findMisconductMeasure(id);
    return measure ? catalogueEntry(prisma, "misconduct", measure, [MISCONDUCT_CASES], false) : null;
  }
}
