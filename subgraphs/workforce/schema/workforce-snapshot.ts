import { Field, Float, Int, ObjectType } from "type-graphql";
import type { CoverageUnit } from "../../shared/coverage/tile.ts";
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

@ObjectType({ description: "Whether a loaded source gives one measure of a workforce snapshot for its day; a figure no source gives is null, never 0." })
export class SnapshotCoverage {
  @Field(() => String, { description: "WORKFORCE_FTE, NEIGHBOURHOOD_FTE or FRONTLINE_FTE (source_measure lists the source kinds able to give each)." })
  measure!: string;

  @Field(() => Boolean, { description: "True when a loaded source gives this measure for the force at the snapshot." })
  available!: boolean;

  @Field(() => String, { nullable: true, description: "Why the figures of this measure are null; null when available." })
  reason!: string | null;
}

@ObjectType({ description: "A force's workforce at one date. Source: Home Office police workforce open data (as at 31 March each year)." })
export class WorkforceSnapshot {
  /** Set when the snapshot is read as published on that day. */
  asPublishedOn?: Date;

  @Field(() => LocalDate, { description: "The date the figures are as at: the latest snapshot on or before the date asked for." })
  asAt!: Date;

  @Field(() => Float, { description: "Police officers (full-time equivalent)." })
  officersFte!: number;

  @Field(() => Int, { nullable: true, description: "Police officers (headcount); null when the snapshot's workforce source gives FTE only (the functions table)." })
  officersHeadcount!: number | null;

  @Field(() => Float, { description: "Police staff (FTE)." })
  staffFte!: number;

  @Field(() => Float, { description: "Police community support officers (FTE)." })
  pcsoFte!: number;

  @Field(() => Float, { description: "Designated officers (FTE)." })
  designatedFte!: number;

  @Field(() => Int, { nullable: true, description: "Special constables (headcount; volunteers have no FTE); null when the workforce source gives FTE only." })
  specialsHeadcount!: number | null;

  @Field(() => Float, { description: "Paid workforce: officers, staff, PCSOs and designated officers (FTE)." })
  totalWorkforceFte!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Officers and PCSOs in neighbourhood policing roles (FTE): the Neighbourhood Policing Guarantee measure. Null (see `coverage`) unless a functions table covers this snapshot.",
  })
  neighbourhoodFte!: number | null;

  @Field(() => Float, { nullable: true, description: "Officers in neighbourhood policing roles (FTE); null without a functions table for this snapshot." })
  neighbourhoodOfficersFte!: number | null;

  @Field(() => Float, { nullable: true, description: "PCSOs in neighbourhood policing roles (FTE); null without a functions table for this snapshot." })
  neighbourhoodPcsoFte!: number | null;

  @Field(() => Float, { nullable: true, description: "Share (0-1) of officer FTE in visible frontline functions; null with no officers or no functions table for this snapshot." })
  visibleFrontlineOfficerShare!: number | null;

  @Field(() => [SnapshotCoverage], { description: "For each part of the snapshot (workforce, neighbourhood, frontline status), whether a loaded source gives it for this day." })
  coverage!: SnapshotCoverage[];

  forceId!: string;
  /** The batch and day frontline status (and so the function breakdown) is read from, if any. */
  frontlineUnit?: CoverageUnit;
}
