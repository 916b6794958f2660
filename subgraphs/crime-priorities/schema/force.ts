import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ForcePopulation } from "../../shared/graphql/force-population.ts";

@ObjectType({ description: "A territorial police force (entity owned by the forces subgraph); rates and comparisons here use its population and groups from there." })
@Directive('@key(fields: "id")')
export class Force {
  @Field(() => ID, { description: "The data.police.uk force id (slug), e.g. `metropolitan`." })
  id!: string;

  @Field(() => Int, { description: "Resident population of the force area, owned by the forces subgraph." })
  @Directive("@external")
  population?: number;

  @Field(() => [ID], { description: "Ids of every force in the same region (owned by the forces subgraph)." })
  @Directive("@external")
  regionForceIds?: string[];

  @Field(() => [ID], { description: "Ids of the forces in the most similar group (owned by the forces subgraph)." })
  @Directive("@external")
  mostSimilarGroupForceIds?: string[];

  @Field(() => [ForcePopulation], { description: "Every force's population (owned by the forces subgraph)." })
  @Directive("@external")
  forcePopulations?: ForcePopulation[];
}
