import { ObjectType } from "type-graphql";
import { PeriodSummary } from "../../shared/graphql/period-summary.ts";

@ObjectType({ description: "A force's recorded crime in the national priorities over a period (months that start within it)." })
export class CrimePrioritySummary extends PeriodSummary {
  population!: number | null;
}
