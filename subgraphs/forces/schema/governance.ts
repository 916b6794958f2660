import { LocalDate } from "../../shared/graphql/scalars.ts";
import { Field, ObjectType, registerEnumType } from "type-graphql";

export enum GovernanceKind {
  PCC = "PCC",
  MAYOR = "MAYOR",
  NONE = "NONE",
}
registerEnumType(GovernanceKind, {
  name: "GovernanceKind",
  description: "Who holds local oversight: an elected police and crime commissioner, a mayor holding the PCC role, or no PCC (e.g. Metropolitan, City of London).",
});

@ObjectType({ description: "Local governance of a force over a period. Data, not code: PCCs are to be abolished after May 2028." })
export class Governance {
  @Field(() => GovernanceKind)
  kind!: GovernanceKind;

  @Field(() => String, { description: "The office, e.g. `Police and Crime Commissioner for Avon and Somerset`." })
  title!: string;

  @Field(() => LocalDate, { description: "First day the arrangement applies." })
  validFrom!: Date;

  @Field(() => LocalDate, { nullable: true, description: "Last day it applies; null while current." })
  validTo!: Date | null;
}
