import { Field, Float, Int, ObjectType } from "type-graphql";
import { Coverage } from "../../shared/graphql/coverage.ts";
import type { Period } from "../../shared/graphql/period.ts";
import { CrimePriority } from "./priority.ts";

@ObjectType({ description: "Outcomes assigned in the period to offences carrying a priority flag, by Home Office outcome category." })
export class OutcomeCount {
  @Field(() => String, { description: "Outcome category, e.g. `Charged or summonsed`." })
  outcome!: string;

  @Field(() => Int, { description: "Outcomes assigned in the period (outcomes)." })
  count!: number;
}

@ObjectType({ description: "Offences over a period from the sources able to count them, with how much of the period those sources cover." })
export class OffenceFigure {
  @Field(() => Int, {
    nullable: true,
    description: "Offences recorded in the covered months that start within the period (offences); null when no loaded source covers any of it. 0 means covered, and none recorded.",
  })
  offences!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Offences in the period per 1,000 residents of the force area (population: see populationYear); not annualised. Null without a population or a count.",
  })
  ratePer1000!: number | null;

  @Field(() => Int, { nullable: true, description: "The year of the population ratePer1000 divides by: the ONS mid-year estimate of the year the period starts in, else the nearest earlier year loaded, else 2011 (the census)." })
  populationYear!: number | null;

  @Field(() => String, { nullable: true, description: "What that population is: `ONS mid-year estimate` or `2011 census`." })
  populationSource!: string | null;

  @Field(() => Coverage, { description: "Months of the period the sources cover; a partial count covers only those." })
  coverage!: Coverage;

  @Field(() => [String], { description: "Flagged months the figure is counted from: a force-month under half the force's usual count (possibly a partial submission), loaded but worth knowing of; empty when none." })
  qualityNotes!: string[];
}

@ObjectType({ description: "Recorded offences carrying one priority flag over a period. Source: police recorded crime by force (Home Office), flagged; knife crime also from ONS." })
export class PriorityCrime {
  @Field(() => CrimePriority, { description: "The crime priority." })
  priority!: CrimePriority;

  @Field(() => Int, {
    nullable: true,
    description: "Offences recorded in the covered months that start within the period (offences); null when no source able to flag them covers any of it. 0 means covered, and none recorded.",
  })
  offences!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Offences in the period per 1,000 residents of the force area (population: see populationYear); not annualised. Null without a population.",
  })
  ratePer1000!: number | null;

  @Field(() => Int, { nullable: true, description: "The year of the population ratePer1000 divides by: the ONS mid-year estimate of the year the period starts in, else the nearest earlier year loaded, else 2011 (the census)." })
  populationYear!: number | null;

  @Field(() => String, { nullable: true, description: "What that population is: `ONS mid-year estimate` or `2011 census`." })
  populationSource!: string | null;

  @Field(() => Float, { nullable: true, description: "Share (0-1) of all recorded offences in the period that carry this flag; null with none recorded, or unless both counts cover the whole period." })
  shareOfRecordedCrime!: number | null;

  @Field(() => Coverage, { description: "Months of the period covered by a source able to flag these offences; a partial count covers only those." })
  coverage!: Coverage;

  @Field(() => [String], { description: "Flagged months the figure is counted from: a force-month under half the force's usual count (possibly a partial submission), loaded but worth knowing of; empty when none." })
  qualityNotes!: string[];

  forceId!: string;
  period!: Period;
}
