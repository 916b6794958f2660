import { Field, Float, Int, ObjectType } from "type-graphql";
import { Coverage } from "../../shared/graphql/coverage.ts";
import { PeriodSummary } from "../../shared/graphql/period-summary.ts";

@ObjectType({ description: "999 call answering over the months that start within the period. Source: BT monthly figures by force (police.uk)." })
export class Calls999Summary extends PeriodSummary {
  @Field(() => Int, { description: "999 calls received (calls)." })
  callsReceived!: number;

  @Field(() => Int, { description: "Calls answered in under 10 seconds." })
  answeredWithin10s!: number;

  @Field(() => Float, { nullable: true, description: "Share (0-1) of calls answered in under 10 seconds; the standard is 0.9. Null with no call." })
  answeredWithin10sShare!: number | null;

  @Field(() => Float, { nullable: true, description: "Mean seconds to answer, weighted by calls received; null with no call." })
  meanAnswerSeconds!: number | null;

  @Field(() => Coverage, { description: "Months of the period the loaded 999 figures cover for this force: partial when some are missing." })
  coverage!: Coverage;

  @Field(() => Int, { description: "Months with published figures in the period." })
  months!: number;
}
