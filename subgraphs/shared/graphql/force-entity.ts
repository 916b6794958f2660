import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The `Force` entity as a subgraph that extends it sees it: only its key. Each subgraph
 * makes its own class, since type-graphql attaches field resolvers to a class.
 */
export function forceEntity() {
  @ObjectType({ description: "A territorial police force (entity owned by the forces subgraph)." })
  @Directive('@key(fields: "id")')
  class Force {
    @Field(() => ID, { description: "The data.police.uk force id (slug), e.g. `metropolitan`." })
    id!: string;
  }
  return Force;
}
