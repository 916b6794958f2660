import { MeasureId } from "../shared/figures/measure-id.ts";
import { Direction, type Measure } from "../shared/measures/compare.ts";
import type { CrimeCount } from "./figures.ts";

/**
 * A force's recorded crime over some months, with the population its rates divide by. A count is
 * null unless loaded sources cover the whole period: such a force is left out of the measure.
 */
export type CrimeFigures = Record<CrimeCount, number | null> & { population: number };

/** A crime measure, with the count whose coverage decides whether a force has a value. */
export type CrimeMeasure = Measure<CrimeFigures> & { count: CrimeCount };

const covered = (members: CrimeFigures[], count: CrimeCount) => members.filter((member) => member[count] !== null);
const sum = (members: CrimeFigures[], field: keyof CrimeFigures) => members.reduce((total, member) => total + (member[field] ?? 0), 0);

/** Decimal places of every rate per 1,000 residents (the measures and the summaries alike). */
export const RATE_PER_1000_PRECISION = 3;

const POPULATION_WEIGHTED =
  "Weighted by population: the group's offences over the group's population, × 1,000 (as the Home Office forms MSG rates).";

function ratePer1000(id: MeasureId, name: string, field: "vawg" | "knifeCrime" | "csa", flag: string): CrimeMeasure {
  return {
    id,
    count: field,
    name,
    unit: "offences per 1,000 residents",
    precision: RATE_PER_1000_PRECISION,
    direction: Direction.LOWER_IS_BETTER,
    groupValue: POPULATION_WEIGHTED,
    perResident: true,
    definition:
      `Recorded offences flagged ${flag} in the months that start within the period, per 1,000 residents of the force area (population: the ONS mid-year estimate of the year the period starts in, else the nearest earlier year loaded, else the 2011 census); ` +
      "not annualised. Source: police recorded crime by force, flagged (knife crime: ONS offences involving a knife or sharp instrument). " +
      "Only forces whose loaded sources cover every month of the period have a value; group and national values are formed from those. " +
      "Recording practice affects it: a lower rate ranks first.",
    valueOf: (members) => {
      const counted = covered(members, field);
      const population = sum(counted, "population");
      return population > 0 ? (sum(counted, field) / population) * 1000 : null;
    },
  };
}

export const KNIFE_CRIME_RATE = ratePer1000(
  MeasureId.KNIFE_CRIME_RATE_PER_1000,
  "Knife crime rate",
  "knifeCrime",
  "as involving a knife or sharp instrument",
);
export const VAWG_RATE = ratePer1000(MeasureId.VAWG_RATE_PER_1000, "VAWG rate", "vawg", "as violence against women and girls");
export const CSA_RATE = ratePer1000(MeasureId.CSA_RATE_PER_1000, "Child sexual abuse rate", "csa", "as child sexual abuse");

export const VAWG_CHARGE_RATE: CrimeMeasure = {
  id: MeasureId.VAWG_CHARGE_RATE,
  count: "vawgOutcomes",
  name: "VAWG offences charged or summonsed",
  unit: "share (0-1)",
  precision: 4,
  direction: Direction.HIGHER_IS_BETTER,
  groupValue: "Pooled: outcomes charged or summonsed over all outcomes assigned, summed over the group (weighted by volume).",
  definition: "Outcomes 'Charged or summonsed' over all outcomes assigned in the period to VAWG-flagged offences.",
  valueOf: (members) => {
    const counted = covered(members, "vawgOutcomes");
    const outcomes = sum(counted, "vawgOutcomes");
    return outcomes > 0 ? sum(counted, "vawgCharged") / outcomes : null;
  },
};

export const CRIME_PRIORITY_MEASURES: CrimeMeasure[] = [KNIFE_CRIME_RATE, VAWG_RATE, CSA_RATE, VAWG_CHARGE_RATE];
export const findCrimeMeasure = (id: string) => CRIME_PRIORITY_MEASURES.find((measure) => measure.id === id);
