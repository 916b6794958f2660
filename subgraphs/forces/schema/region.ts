import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A Home Office region (nine English regions and Wales)." })
export class Region {
  @Field(() => ID, { description: "Slug of the region name, e.g. `south-west`." })
  id!: string;

  @Field(() => String, { description: "Region name as the Home Office publishes it, e.g. `South West`." })
  name!: string;

  @Field(() => String, { description: "England or Wales." })
  country!: string;
}
