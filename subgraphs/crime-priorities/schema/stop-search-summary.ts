import { Field, Float, Int, ObjectType } from "type-graphql";
import { Coverage } from "../../shared/graphql/coverage.ts";
import { PeriodSummary } from "../../shared/graphql/period-summary.ts";

@ObjectType({ description: "Stop and search by a force over the months that start within the period; null where no loaded file covers any of them. Source: data.police.uk stop and search files." })
export class StopSearchSummary extends PeriodSummary {
  @Field(() => Coverage, { description: "Months of the period the loaded stop and search files cover: partial when some are missing." })
  coverage!: Coverage;

  @Field(() => [String], { description: "Flagged months of the period (possibly partial submissions: a force-month under half the force's usual count of searches), one note each; empty when none." })
  qualityNotes!: string[];

  @Field(() => Int, { description: "Searches of people and vehicles (searches)." })
  searches!: number;

  @Field(() => Int, { description: "Searches whose outcome was an arrest.", deprecationReason: "Use arrestCount: this counts 0 where a force leaves Outcome blank on every row, arrestCount is null with a reason." })
  arrests!: number;

  @Field(() => Int, { nullable: true, description: "Searches whose outcome was an arrest; null where no search of the period has its outcome recorded (see arrestCountReason)." })
  arrestCount!: number | null;

  @Field(() => String, { nullable: true, description: "Why arrestCount is null: the outcome not recorded by the force (blank is not published, not \"no arrest\"); null when there is a count." })
  arrestCountReason!: string | null;

  @Field(() => Int, { nullable: true, description: "Searches with removal of more than just outer clothing; null where the force's files leave that column blank on every search of the period (see moreThanOuterClothingRemovedReason)." })
  moreThanOuterClothingRemoved!: number | null;

  @Field(() => String, { nullable: true, description: "Why moreThanOuterClothingRemoved is null: not recorded by the force (the Metropolitan Police's 2018 files leave it blank); null when there is a count." })
  moreThanOuterClothingRemovedReason!: string | null;

  @Field(() => Int, { description: "Searches for offensive weapons or firearms: the knife crime lever." })
  weaponSearches!: number;

  @Field(() => Float, { nullable: true, description: "Share (0-1) of weapon searches with an outcome linked to the object searched for, over the weapon searches whose file recorded the link; null with none (see weaponFindRateReason)." })
  weaponFindRate!: number | null;

  @Field(() => String, { nullable: true, description: "Why weaponFindRate is null: no weapon searches, or the link not recorded by the force (blank is not published, not \"no\"); null when there is a rate." })
  weaponFindRateReason!: string | null;
}
