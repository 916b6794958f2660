import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A territorial police force (entity owned by the forces subgraph); rates here use its population from there." })
@Directive('@key(fields: "id")')
export class Force {
  @Field(() => ID, { description: "The data.police.uk force id (slug), e.g. `metropolitan`." })
  id!: string;

  @Field(() => Int, { description: "Resident population of the force area, owned by the forces subgraph." })
  @Directive("@external")
  population?: number;
}
