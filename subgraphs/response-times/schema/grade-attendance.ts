import { Field, Float, Int, ObjectType } from "type-graphql";
import { IncidentGrade } from "./incident-grade.ts";

@ObjectType({
  description:
    "Attendance for one grade over a period, computed the same way for every force from incident-level submissions. " +
    "The clock starts when the call is connected and stops at the first arrival on scene. Source: response-incidents submissions.",
})
export class GradeAttendance {
  @Field(() => IncidentGrade)
  grade!: IncidentGrade;

  @Field(() => Int, { description: "Incidents of this grade whose call was connected in the period, attended or not." })
  incidents!: number;

  @Field(() => Int, { description: "Of those, incidents with a recorded arrival." })
  attended!: number;

  @Field(() => Int, { description: "Incidents with no recorded arrival: counted here and against the standard, never dropped." })
  notAttended!: number;

  @Field(() => Float, { nullable: true, description: "Median minutes from call connected to first arrival, over attended incidents (linear interpolation); null with no attended incident." })
  attendanceMedianMinutes!: number | null;

  @Field(() => Float, { nullable: true, description: "90th percentile of minutes from call connected to first arrival, over attended incidents; null with no attended incident." })
  attendanceP90Minutes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Share (0-1) of all incidents of the grade attended within the national standard (emergency: 15 minutes urban, 20 minutes rural); " +
      "an incident with no arrival counts as outside it. Null for grades without a national standard, or with no incident.",
  })
  withinStandardShare!: number | null;
}
