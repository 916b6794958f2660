import { Directive, Field, Float, ID, ObjectType } from "type-graphql";
import { LocalDate } from "./scalars.ts";

@ObjectType({ description: "A force's police officer strength at its latest workforce snapshot: the denominator of rates per officer." })
@Directive("@shareable")
export class ForceOfficerStrength {
  @Field(() => ID, { description: "The data.police.uk force id." })
  forceId!: string;

  @Field(() => Float, { description: "Police officers (FTE)." })
  officersFte!: number;

  @Field(() => LocalDate, { description: "Date of the snapshot." })
  asAt!: Date;

  @Field(() => Boolean, { description: "True when the snapshot is the synthetic sample's, not a published table's." })
  synthetic!: boolean;
}
