import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ForcePopulation } from "../../shared/graphql/force-population.ts";

@ObjectType({ description: "A territorial police force (entity owned by the forces subgraph); comparisons here use its groups and populations from there." })
@Directive('@key(fields: "id")')
export class Force {
  @Field(() => ID, { description: "The data.police.uk force id (slug), e.g. `metropolitan`." })
  id!: string;

  @Field(() => [ID], { description: "Ids of every force in the same region (owned by the forces subgraph)." })
  @Directive("@external")
  regionForceIds?: string[];

  @Field(() => [ID], { description: "Ids of the forces in the most similar group (owned by the forces subgraph)." })
  @Directive("@external")
  mostSimilarGroupForceIds?: string[];

  @Field(() => [ForcePopulation], { description: "Every force's population (owned by the forces subgraph)." })
  @Directive("@external")
  forcePopulations?: { forceId: string; population: number }[];
}
