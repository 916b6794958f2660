import { ObjectType } from "type-graphql";
import { PeriodSummary } from "../../shared/graphql/period-summary.ts";

@ObjectType({ description: "A force's response times over a period (calls connected on days from `from` to `to` inclusive, UK time)." })
export class ResponseTimeSummary extends PeriodSummary {}
