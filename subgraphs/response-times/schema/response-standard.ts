import { Field, Float, Int, ObjectType } from "type-graphql";
import { LocalDate } from "../../shared/graphql/scalars.ts";
import { AreaType, IncidentGrade } from "./incident-grade.ts";

@ObjectType({
  description:
    "A national attendance standard, versioned by date: an incident is judged by the standard in force on the day its call was connected, " +
    "so a later standard changes figures only from its start date.",
})
export class ResponseStandard {
  @Field(() => IncidentGrade, { description: "The incident grade the standard applies to." })
  grade!: IncidentGrade;

  @Field(() => AreaType, { description: "Urban or rural: the area the incident was in." })
  areaType!: AreaType;

  @Field(() => Int, { description: "Attendance within this many seconds of the call being connected meets the standard." })
  thresholdSeconds!: number;

  @Field(() => Float, { nullable: true, description: "Share (0-1) of incidents expected to meet it, where one is set." })
  targetShare!: number | null;

  @Field(() => LocalDate, { description: "First day the standard applied (calls connected from then on)." })
  effectiveFrom!: Date;

  @Field(() => LocalDate, { nullable: true, description: "Last day in force; null while current." })
  effectiveTo!: Date | null;

  @Field(() => String, { description: "Where the standard comes from." })
  source!: string;
}
