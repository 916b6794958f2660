import { MeasureId } from "../shared/figures/measure-id.ts";
import { Direction, type Measure } from "../shared/measures/compare.ts";

/** A force's misconduct cases over some days, with the officer strength they are set against. */
export interface MisconductFigures {
  casesOpened: number;
  officersFte: number;
}

export const CASES_PER_100_OFFICERS: Measure<MisconductFigures> = {
  id: MeasureId.MISCONDUCT_CASES_PER_100_OFFICERS,
  name: "Misconduct cases per 100 officers",
  unit: "cases per 100 officers",
  precision: 2,
  direction: Direction.LOWER_IS_BETTER,
  groupValue: "Pooled: the group's cases over the group's officers (weighted by officer strength).",
  definition:
    "Misconduct cases (complaints, conduct and recordable conduct matters) opened in the period per 100 police officers (FTE) at the force's latest workforce snapshot " +
    "(workforce subgraph). Not annualised.",
  valueOf: (members) => {
    const officers = members.reduce((sum, member) => sum + member.officersFte, 0);
    return officers > 0 ? (members.reduce((sum, member) => sum + member.casesOpened, 0) / officers) * 100 : null;
  },
};

export const MISCONDUCT_MEASURES = [CASES_PER_100_OFFICERS];
export const findMisconductMeasure = (id: string) => MISCONDUCT_MEASURES.find((measure) => measure.id === id);
