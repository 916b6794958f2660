import { ObjectType } from "type-graphql";
import { PeriodSummary } from "../../shared/graphql/period-summary.ts";

@ObjectType({
  description:
    "A force's response times over the months that start within the period (calls dated by UK time), measured the same way for every force " +
    "from the attendance pre-aggregates.",
})
export class ResponseTimeSummary extends PeriodSummary {
  regionForceIds!: string[];
  mostSimilarGroupForceIds!: string[];
}
