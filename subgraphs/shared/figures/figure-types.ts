import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { LocalDate } from "../graphql/scalars.ts";
import { Source } from "../graphql/source.ts";
import { Direction } from "../measures/ranking.ts";
import { MeasureId } from "./measure-id.ts";

@ObjectType({ description: "Whether the loaded sources cover a figure's whole period for the force." })
@Directive("@shareable")
export class FigureCoverage {
  @Field(() => Boolean, {
    description:
      "True when the force's loaded sources cover every month of the period (or hold the snapshot): its value is formed from them.",
  })
  complete!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Why the value is null (months no source covers, no data, too few records); null when there is a value.",
  })
  reason!: string | null;
}

/** The fields of a row of a table, as the subgraph that owns the measure computes it: each owner's row type and the public `Figure` are made of them. */
@ObjectType()
export abstract class MeasureFigure {
  @Field(() => ID, { description: "The force (data.police.uk id)." })
  forceId!: string;

  @Field(() => MeasureId, { description: "The measure." })
  measureId!: MeasureId;

  @Field(() => LocalDate, { description: "First day of the period." })
  periodFrom!: Date;

  @Field(() => LocalDate, { description: "Last day of the period." })
  periodTo!: Date;

  @Field(() => Float, {
    nullable: true,
    description: "The force's value to the measure's precision; null when it has none (see `coverage.reason`), never a zero standing in.",
  })
  value!: number | null;

  @Field(() => String, { description: "Unit of `value` and the group values." })
  unit!: string;

  @Field(() => FigureCoverage, { description: "Whether the force's sources cover the period, and why the value is null when it is." })
  coverage!: FigureCoverage;

  @Field(() => Boolean, { description: "True when the value rests, wholly or partly, on the synthetic sample: not a published figure." })
  synthetic!: boolean;

  @Field(() => [Source], { description: "The import batches (files, or the synthetic sample) the value is computed from." })
  sources!: Source[];

  @Field(() => [String], { description: "Flagged months behind the values (possibly partial submissions); empty when none." })
  qualityNotes!: string[];

  @Field(() => Float, {
    nullable: true,
    description: "England and Wales: every force with a value for the period, formed as the measure's `groupValue` says.",
  })
  national!: number | null;

  @Field(() => Float, { nullable: true, description: "The force's region, formed the same way." })
  region!: number | null;

  @Field(() => Float, { nullable: true, description: "The force's most similar group; null when none is loaded." })
  mostSimilarGroup!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Rank among forces with a value for the period: 1 is best in the measure's direction; equal values share a rank.",
  })
  rank!: number | null;

  @Field(() => Int, { description: "How many forces were ranked." })
  forcesRanked!: number;

  @Field(() => String, {
    nullable: true,
    description: "For rates per resident: the populations divided by (e.g. `ONS mid-2024 estimate (43 forces)`); null otherwise.",
  })
  populationBasis!: string | null;
}

@ObjectType({ description: "The days a measure has data for: what a table of it can show." })
@Directive("@shareable")
export class MeasurePeriods {
  @Field(() => LocalDate, {
    nullable: true,
    description: "First day any loaded source covers for some force; null when nothing is loaded.",
  })
  firstDay!: Date | null;

  @Field(() => LocalDate, { nullable: true, description: "Last day any loaded source covers for some force; null when nothing is loaded." })
  lastDay!: Date | null;

  @Field(() => [LocalDate], {
    description: "For snapshot measures, every snapshot day some force has, oldest first; empty for measures counted over months.",
  })
  snapshotDates!: Date[];
}

@ObjectType({
  description:
    "A measure's definition and the periods it has data for, as the subgraph that owns it gives them (hidden: the public `Measure` serves it).",
})
@Directive("@shareable")
@Directive("@inaccessible")
export class MeasureCatalogueEntry {
  @Field(() => String, { description: "Name of the measure." })
  name!: string;

  @Field(() => String, { description: "Unit of its values." })
  unit!: string;

  @Field(() => Int, { description: "Decimal places its values are given to." })
  precision!: number;

  @Field(() => Direction, { description: "Whether a higher or a lower value ranks first." })
  direction!: Direction;

  @Field(() => String, { description: "How the value of a group of forces is formed." })
  groupValue!: string;

  @Field(() => String, { description: "The definition: what is counted, from which source, and what is left out." })
  definition!: string;

  @Field(() => Boolean, { description: "True for a measure taken at snapshot days (the workforce), false for one counted over months." })
  snapshot!: boolean;

  @Field(() => [String], { description: "Kinds of file able to give it (`hub import <kind>`), and `sample` for the synthetic sample." })
  sourceKinds!: string[];

  @Field(() => MeasurePeriods, { description: "The days it has data for." })
  periods!: MeasurePeriods;
}

@ObjectType({ description: "A force's region and most similar group, as ids: what the owners of measures compare with (hidden)." })
@Directive("@shareable")
@Directive("@inaccessible")
export class ForceGroups {
  @Field(() => ID, { description: "The force." })
  forceId!: string;

  @Field(() => [ID], { description: "Every force in its region, itself included." })
  regionForceIds!: string[];

  @Field(() => [ID], { description: "Its most similar group, itself included; empty when none is loaded." })
  mostSimilarGroupForceIds!: string[];
}
