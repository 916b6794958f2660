import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { LocalDate } from "../graphql/scalars.ts";
import { Source } from "../graphql/source.ts";
import { Direction } from "./ranking.ts";

@ObjectType({ description: "What a measure is: one definition in code, the same for every force." })
@Directive("@shareable")
export class MeasureDefinition {
  @Field(() => ID, { description: "Stable identifier, e.g. `EMERGENCY_ATTENDANCE_P90_MINUTES`." })
  id!: string;

  @Field(() => String, { description: "Name of the measure, e.g. `Emergency attendance, 90th percentile`." })
  name!: string;

  @Field(() => String, { description: "Unit of the values, e.g. `minutes`, `share (0-1)`, `offences per 1,000 residents`." })
  unit!: string;

  @Field(() => Int, {
    description:
      "Decimal places every value of the measure is given to (values, group values, differences, monthly series), in JSON and CSV alike.",
  })
  precision!: number;

  @Field(() => Direction, { description: "Whether a higher or a lower value ranks first." })
  direction!: Direction;

  @Field(() => String, {
    description: "How the value of a group of forces (region, most similar group, national) is formed from its members.",
  })
  groupValue!: string;

  @Field(() => String, { description: "The definition: what is counted, from which source, and what is left out." })
  definition!: string;
}

@ObjectType({ description: "A measure's value for one month." })
@Directive("@shareable")
export class MonthlyValue {
  @Field(() => LocalDate, { description: "First day of the month." })
  month!: Date;

  @Field(() => Float, { nullable: true, description: "The value in that month; null with no data." })
  value!: number | null;
}

@ObjectType({
  description:
    "A force's value of a measure over a period set against national, regional and most-similar-group values, its rank and its trend.",
})
@Directive("@shareable")
export class MeasureComparison {
  @Field(() => MeasureDefinition, { description: "The measure compared, with its definition and unit." })
  measure!: MeasureDefinition;

  @Field(() => Float, {
    nullable: true,
    description: "The force's value; null when it has no data for the period (see `unavailableReason`), never a zero standing in.",
  })
  value!: number | null;

  @Field(() => String, { nullable: true, description: "Why `value` is null." })
  unavailableReason!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "Value for England and Wales (all forces), formed as the measure's `groupValue` says.",
  })
  national!: number | null;

  @Field(() => Int, {
    description:
      "How many forces the national value is formed from: those with a value for the period; forces whose sources do not cover it are left out.",
  })
  forcesInNational!: number;

  @Field(() => Float, { nullable: true, description: "Value for the force's region." })
  region!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Value for the force's most similar group (the force and its peers); null when no group is loaded.",
  })
  mostSimilarGroup!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Value for the forces named in the `group` argument (e.g. a custom comparison group's members); null when none are named.",
  })
  group!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Rank among forces with a value: 1 is best in the measure's direction; equal values share a rank.",
  })
  rank!: number | null;

  @Field(() => Int, { description: "How many forces were ranked." })
  forcesRanked!: number;

  @Field(() => Float, { nullable: true, description: "value − national." })
  differenceFromNational!: number | null;

  @Field(() => Float, { nullable: true, description: "value − mostSimilarGroup." })
  differenceFromMostSimilarGroup!: number | null;

  @Field(() => Float, { nullable: true, description: "The force's value for the same period a year earlier." })
  yearEarlier!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Relative change from a year earlier: (value − yearEarlier) / yearEarlier; null when either is missing or yearEarlier is 0.",
  })
  changeFromYearEarlier!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "For rates per resident: the populations divided by, with how many of the forces in the national value used each, e.g. `ONS mid-2024 estimate (43 forces)`; null for measures not per resident.",
  })
  populationBasis!: string | null;

  @Field(() => [Source], { description: "The import batches (files, or the synthetic sample) the force's value is computed from." })
  sources!: Source[];

  @Field(() => Boolean, {
    description: "True when the force's value rests, wholly or partly, on the synthetic sample: not a published figure.",
  })
  synthetic!: boolean;

  @Field(() => [String], {
    description:
      "Flagged months behind the values (possibly partial submissions: a force-month under half the force's usual count): the force's own, then how many other forces in the national value have one; empty when none.",
  })
  qualityNotes!: string[];

  @Field(() => [MonthlyValue], { description: "The force's value month by month over the period." })
  monthly!: MonthlyValue[];

  /** Whether the force's sources cover the period, so its figures were in the set valued (a null value then means too few records): tables report it as coverage. */
  covered?: boolean;
}

@ObjectType({ description: "An intervention watchlist alert: a rule that a force's figures triggered, with the evidence." })
@Directive("@shareable")
export class WatchlistAlert {
  @Field(() => ID, { description: "The rule's id." })
  ruleId!: string;

  @Field(() => ID, { description: "The force the alert is about (data.police.uk id)." })
  forceId!: string;

  @Field(() => String, { description: "The rule in words." })
  rule!: string;

  @Field(() => ID, { description: "Measure the rule tests." })
  measureId!: string;

  @Field(() => String, { description: "`BELOW` or `ABOVE`." })
  comparator!: string;

  @Field(() => Float, { description: "The value the rule compares the force's figure with, in the measure's unit." })
  threshold!: number;

  @Field(() => [MonthlyValue], { description: "The months that triggered the rule and the force's value in each." })
  months!: MonthlyValue[];

  @Field(() => String, { description: "The alert explained in one sentence." })
  explanation!: string;
}
