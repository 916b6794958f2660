import { Field, Float, ObjectType } from "type-graphql";
import { LocalDate } from "../../shared/graphql/scalars.ts";

@ObjectType({
  description:
    "Progress on the Neighbourhood Policing Guarantee: neighbourhood FTE (officers and PCSOs in neighbourhood roles) against the straight-line " +
    "trajectory from the baseline to the target. A force's baseline is its own neighbourhood FTE on the baseline date; its target is the national " +
    "target shared pro rata to baselines (until per-force allocations are loaded).",
})
export class NeighbourhoodGuaranteeProgress {
  @Field(() => LocalDate, { description: "Date of the workforce snapshot the figures come from: the latest on or before the date asked for." })
  asAt!: Date;

  @Field(() => LocalDate, { description: "The baseline day: the trajectory starts from the neighbourhood FTE then." })
  baselineOn!: Date;

  @Field(() => Float, { description: "Neighbourhood FTE on the baseline date (nationally 17,175 at 31 March 2025)." })
  baselineFte!: number;

  @Field(() => LocalDate, { description: "The day the target is to be met." })
  targetOn!: Date;

  @Field(() => Float, { description: "Neighbourhood FTE to reach by the target date (nationally 30,175 by 2029)." })
  targetFte!: number;

  @Field(() => Float, { description: "Neighbourhood FTE at `asAt`." })
  neighbourhoodFte!: number;

  @Field(() => Float, { description: "neighbourhoodFte − baselineFte." })
  changeSinceBaselineFte!: number;

  @Field(() => Float, { nullable: true, description: "Where the straight line from baseline to target stands at `asAt`; null before the baseline date." })
  trajectoryFte!: number | null;

  @Field(() => Float, { nullable: true, description: "neighbourhoodFte − trajectoryFte: negative means behind." })
  gapToTrajectoryFte!: number | null;

  @Field(() => Boolean, { nullable: true, description: "True when neighbourhoodFte is at or above the trajectory; null before the baseline date." })
  onTrajectory!: boolean | null;
}
