import { MeasureId } from "../shared/figures/measure-id.ts";
import { Direction, type Measure } from "../shared/measures/compare.ts";
import type { SnapshotPart } from "./snapshots.ts";

/**
 * A force's workforce at a snapshot, with the population its rates divide by. Neighbourhood and
 * frontline figures are null where no functions table covers the snapshot: such a force is left out.
 */
export interface WorkforceFigures {
  population: number;
  officersFte: number;
  visibleFrontlineOfficersFte: number | null;
  /** Officer FTE in the table frontline status comes from. */
  frontlineOfficersFte: number | null;
  neighbourhoodFte: number | null;
}

type Field = keyof WorkforceFigures;
const given = (members: WorkforceFigures[], field: Field) => members.filter((member) => member[field] !== null);
const sum = (members: WorkforceFigures[], field: Field) => members.reduce((total, member) => total + (member[field] ?? 0), 0);
const perThousand = (members: WorkforceFigures[], field: Field) => {
  const counted = given(members, field);
  const population = sum(counted, "population");
  return population > 0 ? (sum(counted, field) / population) * 1000 : null;
};
const SNAPSHOT = "At the latest Home Office workforce snapshot on or before the date asked for";
const POPULATION =
  "population: the ONS mid-year estimate of the year the snapshot's financial year starts in, else the nearest earlier year loaded, else the 2011 census";

export const OFFICERS_PER_1000: Measure<WorkforceFigures> = {
  id: MeasureId.OFFICERS_PER_1000,
  name: "Police officers per 1,000 residents",
  unit: "officers (FTE) per 1,000 residents",
  precision: 3,
  direction: Direction.HIGHER_IS_BETTER,
  groupValue: "Weighted by population: the group's officers over the group's population, × 1,000.",
  perResident: true,
  definition: `${SNAPSHOT}: police officers (FTE) per 1,000 residents of the force area (${POPULATION}).`,
  valueOf: (members) => perThousand(members, "officersFte"),
};

export const NEIGHBOURHOOD_FTE_PER_1000: Measure<WorkforceFigures> = {
  id: MeasureId.NEIGHBOURHOOD_FTE_PER_1000,
  name: "Neighbourhood officers and PCSOs per 1,000 residents",
  unit: "FTE per 1,000 residents",
  precision: 3,
  direction: Direction.HIGHER_IS_BETTER,
  groupValue: "Weighted by population.",
  perResident: true,
  definition: `${SNAPSHOT}: officers and PCSOs in neighbourhood policing roles (FTE) per 1,000 residents (${POPULATION}). Source: the Home Office workforce table by function; forces without one for the snapshot are left out.`,
  valueOf: (members) => perThousand(members, "neighbourhoodFte"),
};

export const VISIBLE_FRONTLINE_SHARE: Measure<WorkforceFigures> = {
  id: MeasureId.VISIBLE_FRONTLINE_OFFICER_SHARE,
  name: "Officers in visible frontline roles",
  unit: "share (0-1)",
  precision: 4,
  direction: Direction.HIGHER_IS_BETTER,
  groupValue: "Pooled: the group's visible frontline officers over its officers (weighted by officer strength).",
  definition: `${SNAPSHOT}: officer FTE in visible frontline functions (local policing, road policing, operational support) over all officer FTE.`,
  valueOf: (members) => {
    const counted = given(members, "visibleFrontlineOfficersFte");
    const officers = sum(counted, "frontlineOfficersFte");
    return officers > 0 ? sum(counted, "visibleFrontlineOfficersFte") / officers : null;
  },
};

/** Each measure with the part of the snapshot it needs. */
export const WORKFORCE_MEASURES: [Measure<WorkforceFigures>, SnapshotPart][] = [
  [OFFICERS_PER_1000, "workforce"],
  [NEIGHBOURHOOD_FTE_PER_1000, "neighbourhood"],
  [VISIBLE_FRONTLINE_SHARE, "frontline"],
];
