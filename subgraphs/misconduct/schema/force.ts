import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ForceOfficerStrength } from "../../shared/graphql/force-officer-strength.ts";

@ObjectType({ description: "A territorial police force (entity owned by the forces subgraph); rates here use officer strength from the workforce subgraph." })
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

  @Field(() => [ForceOfficerStrength], { description: "Every force's officer strength (owned by the workforce subgraph)." })
  @Directive("@external")
  forceOfficerStrengths?: ForceOfficerStrength[];
}
