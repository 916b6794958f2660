import { Direction, type Measure } from "../shared/measures/compare.ts";

/** A force's workforce at a snapshot, with the population its rates divide by. */
export interface WorkforceFigures {
  population: number;
  officersFte: number;
  visibleFrontlineOfficersFte: number;
  neighbourhoodFte: number;
}

const sum = (members: WorkforceFigures[], field: keyof WorkforceFigures) => members.reduce((total, member) => total + member[field], 0);
const perThousand = (members: WorkforceFigures[], field: keyof WorkforceFigures) => {
  const population = sum(members, "population");
  return population > 0 ? (sum(members, field) / population) * 1000 : null;
};
const SNAPSHOT = "At the latest Home Office workforce snapshot on or before the date asked for";

export const OFFICERS_PER_1000: Measure<WorkforceFigures> = {
  id: "OFFICERS_PER_1000",
  name: "Police officers per 1,000 residents",
  unit: "officers (FTE) per 1,000 residents",
  direction: Direction.HIGHER_IS_BETTER,
  groupValue: "Weighted by population: the group's officers over the group's population, × 1,000.",
  definition: `${SNAPSHOT}: police officers (FTE) per 1,000 residents of the force area (population from the forces subgraph).`,
  valueOf: (members) => perThousand(members, "officersFte"),
};

export const NEIGHBOURHOOD_FTE_PER_1000: Measure<WorkforceFigures> = {
  id: "NEIGHBOURHOOD_FTE_PER_1000",
  name: "Neighbourhood officers and PCSOs per 1,000 residents",
  unit: "FTE per 1,000 residents",
  direction: Direction.HIGHER_IS_BETTER,
  groupValue: "Weighted by population.",
  definition: `${SNAPSHOT}: officers and PCSOs in neighbourhood policing roles (FTE) per 1,000 residents.`,
  valueOf: (members) => perThousand(members, "neighbourhoodFte"),
};

export const VISIBLE_FRONTLINE_SHARE: Measure<WorkforceFigures> = {
  id: "VISIBLE_FRONTLINE_OFFICER_SHARE",
  name: "Officers in visible frontline roles",
  unit: "share (0-1)",
  direction: Direction.HIGHER_IS_BETTER,
  groupValue: "Pooled: the group's visible frontline officers over its officers (weighted by officer strength).",
  definition: `${SNAPSHOT}: officer FTE in visible frontline functions (local policing, road policing, operational support) over all officer FTE.`,
  valueOf: (members) => {
    const officers = sum(members, "officersFte");
    return officers > 0 ? sum(members, "visibleFrontlineOfficersFte") / officers : null;
  },
};

export const WORKFORCE_MEASURES = [OFFICERS_PER_1000, NEIGHBOURHOOD_FTE_PER_1000, VISIBLE_FRONTLINE_SHARE];
