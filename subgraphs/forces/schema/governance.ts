import { LocalDate } from "../../shared/graphql/scalars.ts";
import { Field, ObjectType } from "type-graphql";
import { registerDescribedEnum } from "../../shared/graphql/described-enum.ts";

export enum GovernanceKind {
  PCC = "PCC",
  MAYOR = "MAYOR",
  NONE = "NONE",
}
registerDescribedEnum(GovernanceKind, "GovernanceKind", "Who holds local oversight of a force.", {
  PCC: "An elected police and crime commissioner.",
  MAYOR: "A mayor holding the PCC role.",
  NONE: "No police and crime commissioner (e.g. the Metropolitan Police and the City of London Police, which have other oversight arrangements).",
});

@ObjectType({ description: "Local governance of a force over a period. Data, not code: PCCs are to be abolished after May 2028." })
export class Governance {
  @Field(() => GovernanceKind, { description: "Who held local oversight over the period." })
  kind!: GovernanceKind;

  @Field(() => String, { description: "The office, e.g. `Police and Crime Commissioner for Avon and Somerset`." })
  title!: string;

  @Field(() => LocalDate, { description: "First day the arrangement applies." })
  validFrom!: Date;

  @Field(() => LocalDate, { nullable: true, description: "Last day it applies; null while current." })
  validTo!: Date | null;
}
