import type { ForcePopulation, PopulationEstimate } from "../shared/graphql/force-population.ts";
import type { ForcesContext } from "./loaders.ts";
import { ComparisonGroupKind } from "./schema/comparison-group.ts";

type Loaders = ForcesContext["loaders"];
type ForceRow = { id: string; regionId: string };

/** The force's most similar group (the force and its peers); null when none is loaded. */
export async function mostSimilarGroupOf(force: ForceRow, loaders: Loaders) {
  const groups = await loaders.groupsByForce.load(force.id);
  return groups.find((group) => group.kind === ComparisonGroupKind.MOST_SIMILAR && group.anchorForceId === force.id) ?? null;
}

export const regionForceIdsOf = async (force: ForceRow, loaders: Loaders) =>
  (await loaders.forcesByRegion.load(force.regionId)).map((member) => member.id);

export async function mostSimilarGroupForceIdsOf(force: ForceRow, loaders: Loaders) {
  const group = await mostSimilarGroupOf(force, loaders);
  return group ? loaders.membersByGroup.load(group.id) : [];
}

/** Every force's population: the 2011 census and the ONS mid-year estimates loaded. */
export async function allForcePopulations(loaders: Loaders): Promise<ForcePopulation[]> {
  const forces = await loaders.allForces();
  const estimates = await loaders.estimatesByForce.loadMany(forces.map((force) => force.id));
  return forces.map((force, index) => ({
    forceId: force.id,
    population: force.population,
    estimates: estimates[index] as PopulationEstimate[],
  }));
}
