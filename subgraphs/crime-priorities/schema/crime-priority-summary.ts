import { ObjectType } from "type-graphql";
import { PeriodSummary } from "../../shared/graphql/period-summary.ts";
import type { PopulationBasis } from "../../shared/measures/population.ts";

@ObjectType({ description: "A force's recorded crime in the national priorities over a period (months that start within it)." })
export class CrimePrioritySummary extends PeriodSummary {
  /** The population the summary's rates divide by, for the year the period starts in. */
  population!: PopulationBasis | null;
}
