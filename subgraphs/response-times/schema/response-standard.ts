import { Field, Float, Int, ObjectType } from "type-graphql";
import { LocalDate } from "../../shared/graphql/scalars.ts";
import { AreaType, IncidentGrade } from "./incident-grade.ts";

@ObjectType({
  description:
    "A national attendance standard, versioned by date: an incident is judged by the standard in force on the day its call was connected, " +
    "so a later standard changes figures only from its start date.",
})
export class ResponseStandard {
  @Field(() => IncidentGrade)
  grade!: IncidentGrade;

  @Field(() => AreaType)
  areaType!: AreaType;

  @Field(() => Int, { description: "Attendance within this many seconds of the call being connected meets the standard." })
  thresholdSeconds!: number;

  @Field(() => Float, { nullable: true, description: "Share (0-1) of incidents expected to meet it, where one is set." })
  targetShare!: number | null;

  @Field(() => LocalDate)
  effectiveFrom!: Date;

  @Field(() => LocalDate, { nullable: true, description: "Last day in force; null while current." })
  effectiveTo!: Date | null;

  @Field(() => String, { description: "Where the standard comes from." })
  source!: string;
}
