import { registerDescribedEnum } from "../graphql/described-enum.ts";

/**
 * Every measure the hub serves, by its stable id: the one list of ids. Each measure's definition
 * (name, unit, computation) lives with the subgraph that owns its data and takes its id from here.
 */
export enum MeasureId {
  EMERGENCY_ATTENDANCE_P90_MINUTES = "EMERGENCY_ATTENDANCE_P90_MINUTES",
  EMERGENCY_ATTENDANCE_MEDIAN_MINUTES = "EMERGENCY_ATTENDANCE_MEDIAN_MINUTES",
  EMERGENCY_WITHIN_STANDARD_SHARE = "EMERGENCY_WITHIN_STANDARD_SHARE",
  CALLS_999_ANSWERED_WITHIN_10S_SHARE = "CALLS_999_ANSWERED_WITHIN_10S_SHARE",
  CALLS_999_MEAN_ANSWER_SECONDS = "CALLS_999_MEAN_ANSWER_SECONDS",
  KNIFE_CRIME_RATE_PER_1000 = "KNIFE_CRIME_RATE_PER_1000",
  VAWG_RATE_PER_1000 = "VAWG_RATE_PER_1000",
  CSA_RATE_PER_1000 = "CSA_RATE_PER_1000",
  VAWG_CHARGE_RATE = "VAWG_CHARGE_RATE",
  OFFICERS_PER_1000 = "OFFICERS_PER_1000",
  NEIGHBOURHOOD_FTE_PER_1000 = "NEIGHBOURHOOD_FTE_PER_1000",
  VISIBLE_FRONTLINE_OFFICER_SHARE = "VISIBLE_FRONTLINE_OFFICER_SHARE",
  MISCONDUCT_CASES_PER_100_OFFICERS = "MISCONDUCT_CASES_PER_100_OFFICERS",
}

/** What each id names, for the schema (the full definition is the measure's own, in `measures`). */
export const MEASURE_ID_DESCRIPTIONS: Record<MeasureId, string> = {
  EMERGENCY_ATTENDANCE_P90_MINUTES: "Emergency attendance, 90th percentile, in minutes (response-times).",
  EMERGENCY_ATTENDANCE_MEDIAN_MINUTES: "Emergency attendance, median, in minutes (response-times).",
  EMERGENCY_WITHIN_STANDARD_SHARE: "Share of emergency incidents attended within the national standard (response-times).",
  CALLS_999_ANSWERED_WITHIN_10S_SHARE: "Share of 999 calls answered within 10 seconds (response-times).",
  CALLS_999_MEAN_ANSWER_SECONDS: "Mean seconds to answer a 999 call (response-times).",
  KNIFE_CRIME_RATE_PER_1000: "Knife crime offences per 1,000 residents (crime-priorities).",
  VAWG_RATE_PER_1000: "VAWG-flagged offences per 1,000 residents (crime-priorities).",
  CSA_RATE_PER_1000: "Child sexual abuse offences per 1,000 residents (crime-priorities).",
  VAWG_CHARGE_RATE: "Share of VAWG outcomes that were a charge or summons (crime-priorities).",
  OFFICERS_PER_1000: "Police officers (FTE) per 1,000 residents at a workforce snapshot (workforce).",
  NEIGHBOURHOOD_FTE_PER_1000: "Neighbourhood officers and PCSOs (FTE) per 1,000 residents at a workforce snapshot (workforce).",
  VISIBLE_FRONTLINE_OFFICER_SHARE: "Share of officer FTE in visible frontline roles at a workforce snapshot (workforce).",
  MISCONDUCT_CASES_PER_100_OFFICERS: "Misconduct cases opened per 100 officers (misconduct).",
};

registerDescribedEnum(
  MeasureId,
  "MeasureId",
  "Every measure the hub serves; `measures` gives each one's definition, unit and periods.",
  MEASURE_ID_DESCRIPTIONS,
);

/** Whether a string names a measure (arguments given as ID before MeasureId existed). */
export const isMeasureId = (id: string): id is MeasureId => id in MEASURE_ID_DESCRIPTIONS;
