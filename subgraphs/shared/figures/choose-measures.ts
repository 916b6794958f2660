import { badArgument } from "../../../shared/graphql/errors.ts";
import type { MeasureId } from "./measure-id.ts";

/** Why the string arguments are deprecated: the schema's policy keeps them for a release. */
export const STRING_MEASURE_DEPRECATION =
  "Use `measureIds` (MeasureId values, offered by the explorer and checked by the schema); this ID string is kept for one release.";

/**
 * The measures an argument names, from the `MeasureId` argument or the deprecated ID strings (not
 * both); all the owner's when neither is given.
 */
export function chooseMeasures<M>(owned: M[], idOf: (measure: M) => string, measureIds: MeasureId[] | null, ids: string[] | null): M[] {
  if (measureIds && ids) throw badArgument("measureIds", "give `measureIds` or the deprecated `measures`, not both");
  const chosen: string[] | null = measureIds ?? ids;
  if (!chosen) return owned;
  return chosen.map((id) => {
    const measure = owned.find((candidate) => idOf(candidate) === id);
    if (!measure)
      throw badArgument(measureIds ? "measureIds" : "measures", `unknown measure "${id}" here; known: ${owned.map(idOf).join(", ")}`);
    return measure;
  });
}

/** The one measure a league table is of, from `measureId` or the deprecated `measure` string. */
export function chooseMeasure<M>(owned: M[], idOf: (measure: M) => string, measureId: MeasureId | null, id: string | null): M {
  if (!measureId && !id) throw badArgument("measureId", "name the measure (a MeasureId, e.g. EMERGENCY_ATTENDANCE_P90_MINUTES)");
  return chooseMeasures(owned, idOf, measureId ? [measureId] : null, id !== null && id !== undefined ? [id] : null)[0];
}
