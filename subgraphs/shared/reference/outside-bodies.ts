import { normaliseForceName } from "./force-alias.ts";

/**
 * Bodies that published tables carry beside the 43 territorial forces of England and Wales, and
 * their total rows: recognised by name so their rows are skipped and counted, never errors.
 */
const OUTSIDE_BODIES: [names: string[], body: string][] = [
  [["British Transport Police", "BTP"], "British Transport Police"],
  [["Police Service of Northern Ireland", "PSNI", "Northern Ireland"], "Police Service of Northern Ireland"],
  [["Police Scotland", "Scotland"], "Police Scotland"],
  [["Civil Nuclear Constabulary", "Ministry of Defence Police", "National Crime Agency"], "a national non-territorial body"],
  [["Action Fraud", "CIFAS", "UK Finance", "Financial Fraud Action UK"], "a national fraud reporting body"],
  [["England and Wales", "England", "Wales", "Total", "All forces", "England and Wales total", "Total 43 forces"], "a national total row"],
  [["Central Service Secondments"], "central service secondments (officers seconded to national bodies)"],
  [
    [
      "North East",
      "North West",
      "Yorkshire and the Humber",
      "Yorkshire and The Humber",
      "East Midlands",
      "West Midlands",
      "East of England",
      "East",
      "Eastern",
      "London",
      "South East",
      "South West",
    ],
    "a regional total row",
  ],
];

const BY_NAME = new Map(OUTSIDE_BODIES.flatMap(([names, body]) => names.map((name) => [normaliseForceName(name), body] as const)));

/**
 * GSS codes of areas that are not police force areas: English regions (E12), England (E92), Wales
 * (W92), England and Wales (K04), Great Britain (K03) and the United Kingdom (K02). ONS tables name
 * the West Midlands region and force alike: the code tells them apart, so it is read first.
 */
const AREA_CODES: [pattern: RegExp, body: string][] = [
  [/^E12\d{6}$/i, "a regional total row"],
  [/^(E92|W92|K04|K03|K02)\d{6}$/i, "a national total row"],
];

export const bodyOutsideTheForcesByCode = (code: string): string | undefined =>
  AREA_CODES.find(([pattern]) => pattern.test(code.trim()))?.[1];

/** The body a name stands for when it is not one of the 43 forces (call after force aliases failed). */
export const bodyOutsideTheForces = (name: string): string | undefined => BY_NAME.get(normaliseForceName(name));

/** data.police.uk names files `YYYY-MM-<force>-street.csv` (also outcomes, stop-and-search): the body a file is for, when outside the 43. */
export function bodyOutsideTheForcesOfFile(fileName: string): string | undefined {
  const named = /^\d{4}-\d{2}-(.+)-(street|outcomes|stop-and-search)\.csv$/i.exec(fileName);
  return named ? bodyOutsideTheForces(named[1].replace(/-/g, " ")) : undefined;
}
