import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A force's resident population: what population-weighted group rates are built from." })
@Directive("@shareable")
export class ForcePopulation {
  @Field(() => ID, { description: "The data.police.uk force id." })
  forceId!: string;

  @Field(() => Int, { description: "Resident population of the force area (persons)." })
  population!: number;
}
