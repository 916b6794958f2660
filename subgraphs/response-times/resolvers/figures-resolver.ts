import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { ROWS_REQUIRE } from "../../shared/figures/figure-entities.ts";
import { figureRows, monthPeriods, type FigureTableReference } from "../../shared/figures/figure-rows.ts";
import { MeasureCatalogueEntry } from "../../shared/figures/figure-types.ts";
import { OWNER_FIGURES } from "../../shared/figures/owner-figure-types.ts";
import { catalogueEntry } from "../../shared/figures/measure-catalogue.ts";
import { compareResponseMeasure } from "../comparisons.ts";
import type { ResponseTimesContext } from "../loaders.ts";
import { findMeasure, RESPONSE_TIME_MEASURES } from "../measure-figures.ts";
import { FigureTable, Measure } from "../schema/figures.ts";

const OWNED = RESPONSE_TIME_MEASURES.map((sourced) => ({ id: sourced.measure.id, sourced }));

@Resolver(() => FigureTable)
export class ResponseTimeFiguresResolver {
  @FieldResolver(() => [OWNER_FIGURES["response-times"]], {
    description: "The table's rows of response-time measures (hidden: the forces subgraph serves them as `rows`).",
  })
  @Directive("@inaccessible")
  @Directive(`@requires(fields: "${ROWS_REQUIRE}")`)
  responseTimesRows(@Root() table: FigureTableReference, @Ctx() context: ResponseTimesContext) {
    return figureRows(table, {
      measures: OWNED,
      periods: (request, measure) => monthPeriods(request, measure.id),
      compare: ({ sourced }, force, period) => compareResponseMeasure(sourced, force, period, context, { series: false }),
    });
  }
}

@Resolver(() => Measure)
export class ResponseTimeDefinitionResolver {
  @FieldResolver(() => MeasureCatalogueEntry, {
    nullable: true,
    description: "The definition of a response-time measure; null for others (hidden: the forces subgraph serves it).",
  })
  @Directive("@inaccessible")
  responseTimesDefinition(@Root() { id }: Measure, @Ctx() { prisma }: ResponseTimesContext) {
    const sourced = findMeasure(id);
    return sourced ? catalogueEntry(prisma, "response_times", sourced.measure, [sourced.coverage], false) : null;
  }
}
