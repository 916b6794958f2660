import { Field, Float, Int, ObjectType } from "type-graphql";
import { Coverage } from "../../shared/graphql/coverage.ts";
import { IncidentGrade } from "./incident-grade.ts";

@ObjectType({
  description:
    "Attendance for one grade over a period, computed the same way for every force from incident-level submissions. " +
    "The clock starts when the call is connected and stops at the first arrival on scene. Source: response-incidents submissions.",
})
export class GradeAttendance {
  @Field(() => IncidentGrade, { description: "The incident grade these figures are of." })
  grade!: IncidentGrade;

  @Field(() => Int, { nullable: true, description: "Incidents of this grade whose call was connected in the period, attended or not; null when no loaded submission covers any month of it (see `coverage`)." })
  incidents!: number | null;

  @Field(() => Int, { nullable: true, description: "Of those, incidents with a recorded arrival." })
  attended!: number | null;

  @Field(() => Int, { nullable: true, description: "Incidents with no recorded arrival: counted here and against the standard, never dropped." })
  notAttended!: number | null;

  @Field(() => Coverage, { description: "Months of the period the loaded incident submissions cover for this force: a month not covered is missing, not zero." })
  coverage!: Coverage;

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
