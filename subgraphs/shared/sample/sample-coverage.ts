import { monthScope, unitScope } from "../ingest/scope.ts";
import { referenceForces } from "../reference/forces.ts";
import { sampleMonths, sampleSnapshotDates } from "./calendar.ts";

/** What the sample covers for some measures: scopes (`scope.ts`), each for every measure named. */
export interface SampleCoverage {
  measures: string[];
  scopes: string[];
}

const forceIds = () => referenceForces().map((force) => force.id);

/** Every force, every sample month. */
export const sampleForceMonths = (measures: string[]): SampleCoverage => ({
  measures,
  scopes: forceIds().flatMap((forceId) => sampleMonths().map((month) => monthScope(forceId, month))),
});

/** Every force, every sample quarter (April-June first). */
export const sampleForceQuarters = (measures: string[]): SampleCoverage => ({
  measures,
  scopes: forceIds().flatMap((forceId) =>
    sampleMonths()
      .filter((month) => month.getUTCMonth() % 3 === 0)
      .map((start) => unitScope(forceId, start, new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0)))),
  ),
});

/** Every force, every sample snapshot day (31 March). */
export const sampleForceSnapshots = (measures: string[]): SampleCoverage => ({
  measures,
  scopes: forceIds().flatMap((forceId) => sampleSnapshotDates().map((day) => unitScope(forceId, day, day))),
});
