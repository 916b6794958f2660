import { Field, Float, Int, ObjectType } from "type-graphql";
import { LocalDate } from "../../shared/graphql/scalars.ts";

@ObjectType({ description: "Officer strength in one of the Home Office's 12 wider functions." })
export class FunctionStrength {
  @Field(() => String, { description: "Wider function name, e.g. `Local policing`." })
  functionName!: string;

  @Field(() => String, { description: "Frontline status of the function: visible frontline, non-visible frontline, frontline support or business support." })
  frontlineStatus!: string;

  @Field(() => Float, { description: "Police officers in the function (FTE)." })
  officersFte!: number;
}

@ObjectType({ description: "A force's workforce at one date. Source: Home Office police workforce open data (as at 31 March each year)." })
export class WorkforceSnapshot {
  /** Set when the snapshot is read as published on that day. */
  asPublishedOn?: Date;

  @Field(() => LocalDate, { description: "The date the figures are as at: the latest snapshot on or before the date asked for." })
  asAt!: Date;

  @Field(() => Float, { description: "Police officers (full-time equivalent)." })
  officersFte!: number;

  @Field(() => Int, { description: "Police officers (headcount)." })
  officersHeadcount!: number;

  @Field(() => Float, { description: "Police staff (FTE)." })
  staffFte!: number;

  @Field(() => Float, { description: "Police community support officers (FTE)." })
  pcsoFte!: number;

  @Field(() => Float, { description: "Designated officers (FTE)." })
  designatedFte!: number;

  @Field(() => Int, { description: "Special constables (headcount; volunteers have no FTE)." })
  specialsHeadcount!: number;

  @Field(() => Float, { description: "Paid workforce: officers, staff, PCSOs and designated officers (FTE)." })
  totalWorkforceFte!: number;

  @Field(() => Float, { description: "Officers and PCSOs in neighbourhood policing roles (FTE): the Neighbourhood Policing Guarantee measure." })
  neighbourhoodFte!: number;

  @Field(() => Float, { description: "Officers in neighbourhood policing roles (FTE)." })
  neighbourhoodOfficersFte!: number;

  @Field(() => Float, { description: "PCSOs in neighbourhood policing roles (FTE)." })
  neighbourhoodPcsoFte!: number;

  @Field(() => Float, { nullable: true, description: "Share (0-1) of officer FTE in visible frontline functions; null with no officers." })
  visibleFrontlineOfficerShare!: number | null;

  forceId!: string;
}
