import { Field, Float, Int, ObjectType } from "type-graphql";
import type { Period } from "../../shared/graphql/period.ts";
import { CrimePriority } from "./priority.ts";

@ObjectType({ description: "Outcomes assigned in the period to offences carrying a priority flag, by Home Office outcome category." })
export class OutcomeCount {
  @Field(() => String, { description: "Outcome category, e.g. `Charged or summonsed`." })
  outcome!: string;

  @Field(() => Int, { description: "Outcomes assigned in the period (outcomes)." })
  count!: number;
}

@ObjectType({ description: "Recorded offences carrying one priority flag over a period. Source: police recorded crime by force (Home Office)." })
export class PriorityCrime {
  @Field(() => CrimePriority)
  priority!: CrimePriority;

  @Field(() => Int, { description: "Offences recorded in the months that start within the period (offences)." })
  offences!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Offences in the period per 1,000 residents of the force area (population from the forces subgraph); not annualised. Null without a population.",
  })
  ratePer1000!: number | null;

  @Field(() => Float, { nullable: true, description: "Share (0-1) of all recorded offences in the period that carry this flag; null with none recorded." })
  shareOfRecordedCrime!: number | null;

  forceId!: string;
  period!: Period;
}
