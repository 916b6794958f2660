import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "An ONS mid-year population estimate for a police force area, as loaded (`ons-population`)." })
@Directive("@shareable")
export class PopulationEstimate {
  @Field(() => Int, { description: "The year of the mid-year (30 June) estimate." })
  year!: number;

  @Field(() => Int, { description: "Resident population of the force area at mid-year (persons)." })
  population!: number;
}

@ObjectType({ description: "A force's resident population: what population-weighted group rates are built from." })
@Directive("@shareable")
export class ForcePopulation {
  @Field(() => ID, { description: "The data.police.uk force id." })
  forceId!: string;

  @Field(() => Int, {
    description: "Resident population of the force area at the 2011 census (persons): the denominator where no estimate is loaded.",
  })
  population!: number;

  @Field(() => [PopulationEstimate], { description: "The ONS mid-year estimates loaded for the force area, oldest first." })
  estimates!: PopulationEstimate[];
}
