import { Directive, Field, ID, ObjectType } from "type-graphql";
import { MeasureFigure } from "../../shared/figures/figure-types.ts";
import { OWNER_FIGURES } from "../../shared/figures/owner-figure-types.ts";
import { Interval } from "../../shared/figures/interval.ts";
import { LocalDate } from "../../shared/graphql/scalars.ts";
import { Force } from "./force.ts";
import { Measure } from "./measure.ts";

@ObjectType({ description: "One row of a table of figures: one force's value of one measure over one period, with the groups it is compared with and where it comes from." })
export class Figure extends MeasureFigure {
  @Field(() => Force, { description: "The force." })
  force!: Force;

  @Field(() => Measure, { description: "The measure, with its definition and unit." })
  measure!: Measure;
}

@ObjectType({
  description:
    "A table of figures (tidy data): one row per force × period × measure, with the measures' definitions. Rows come from the subgraph that owns each measure, " +
    "computed by the same functions as its comparisons and league tables.",
})
@Directive('@key(fields: "id")')
export class FigureTable {
  @Field(() => ID, { description: "The request the table answers, as a key (measures, forces, span, interval)." })
  id!: string;

  @Field(() => LocalDate, { description: "First day of the span asked for." })
  from!: Date;

  @Field(() => LocalDate, { description: "Last day of the span asked for." })
  to!: Date;

  @Field(() => Interval, { description: "How the span is cut into periods." })
  interval!: Interval;

  @Field(() => LocalDate, { nullable: true, description: "The figures as they stood at the end of this day (UK time); null for the latest." })
  asPublishedOn!: Date | null;

  @Field(() => [Measure], { description: "The measures asked for, in the order asked: their definitions, units and precision (the table's footnotes)." })
  measures!: Measure[];

  @Directive("@external")
  @Field(() => [OWNER_FIGURES["response-times"]], { description: "The response-times subgraph's rows." })
  responseTimesRows?: MeasureFigure[];

  @Directive("@external")
  @Field(() => [OWNER_FIGURES["crime-priorities"]], { description: "The crime-priorities subgraph's rows." })
  crimePrioritiesRows?: MeasureFigure[];

  @Directive("@external")
  @Field(() => [OWNER_FIGURES["workforce"]], { description: "The workforce subgraph's rows." })
  workforceRows?: MeasureFigure[];

  @Directive("@external")
  @Field(() => [OWNER_FIGURES["misconduct"]], { description: "The misconduct subgraph's rows." })
  misconductRows?: MeasureFigure[];
}
