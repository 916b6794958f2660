import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A territorial police force of England and Wales. Owned by the forces subgraph; every other subgraph adds its figures to it." })
@Directive('@key(fields: "id")')
export class Force {
  @Field(() => ID, { description: "The data.police.uk force id (slug), e.g. `metropolitan`." })
  id!: string;

  @Field(() => String, { nullable: true, description: "ONS GSS code of the police force area (E23…/W15…); null for a force with no area." })
  gssCode!: string | null;

  @Field(() => String, { description: "Official name, e.g. `Avon and Somerset Constabulary`." })
  name!: string;

  @Field(() => String, { description: "England or Wales." })
  country!: string;

  @Field(() => Int, { description: "Resident population of the force area (persons) in `populationYear`; source: ONS census. The denominator of rates per 1,000 where no mid-year estimate is loaded (see `populationEstimates`)." })
  population!: number;

  @Field(() => Int, { description: "Year of the census or estimate that `population` comes from." })
  populationYear!: number;

  regionId!: string;
}
