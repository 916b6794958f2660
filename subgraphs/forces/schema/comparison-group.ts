import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum ComparisonGroupKind {
  MOST_SIMILAR = "MOST_SIMILAR",
  CUSTOM = "CUSTOM",
}
registerEnumType(ComparisonGroupKind, {
  name: "ComparisonGroupKind",
  description: "MOST_SIMILAR: a force and its most similar peers (Home Office MSG); CUSTOM: a group a user defined.",
});

@ObjectType({ description: "A set of forces compared together. Loaded as data: no group is built into the code." })
export class ComparisonGroup {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ComparisonGroupKind)
  kind!: ComparisonGroupKind;

  @Field(() => String, { description: "What the group is and where it comes from (e.g. synthetic sample, or the file it was loaded from)." })
  description!: string;

  anchorForceId!: string | null;
}
