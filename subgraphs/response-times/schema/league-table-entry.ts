import { Field, Float, Int, ObjectType } from "type-graphql";
import type { Period } from "../../shared/graphql/period.ts";
import { Force } from "./force.ts";

@ObjectType({ description: "One force's place in a league table of a measure." })
export class LeagueTableEntry {
  @Field(() => Force, { description: "The force ranked." })
  force!: Force;

  @Field(() => Float, { nullable: true, description: "The force's value over the period; null with no data (unranked)." })
  value!: number | null;

  @Field(() => Int, { nullable: true, description: "1 is best; equal values share a rank." })
  rank!: number | null;

  measureId!: string;
  period!: Period;
}
