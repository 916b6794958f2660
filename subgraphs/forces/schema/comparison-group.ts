import { Field, ID, ObjectType } from "type-graphql";
import { registerDescribedEnum } from "../../shared/graphql/described-enum.ts";

export enum ComparisonGroupKind {
  MOST_SIMILAR = "MOST_SIMILAR",
  CUSTOM = "CUSTOM",
}
registerDescribedEnum(ComparisonGroupKind, "ComparisonGroupKind", "What a comparison group is.", {
  MOST_SIMILAR: "A force and its most similar peers (the Home Office most similar group).",
  CUSTOM: "A group a user defined.",
});

@ObjectType({ description: "A set of forces compared together. Loaded as data: no group is built into the code." })
export class ComparisonGroup {
  @Field(() => ID, { description: "The group's id." })
  id!: string;

  @Field(() => String, { description: "The group's name, e.g. `Kent Police most similar group`." })
  name!: string;

  @Field(() => ComparisonGroupKind, { description: "Most similar group or a group a user defined." })
  kind!: ComparisonGroupKind;

  @Field(() => String, { description: "What the group is and where it comes from (e.g. synthetic sample, or the file it was loaded from)." })
  description!: string;

  anchorForceId!: string | null;
}
