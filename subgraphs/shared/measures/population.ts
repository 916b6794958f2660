import { REFERENCE_POPULATION_YEAR } from "../reference/forces.ts";

/** A mid-year estimate as the forces subgraph sends it. */
interface Estimate {
  year: number;
  population: number;
}

/** A force's census population and estimates, as the forces subgraph sends them (ForcePopulation). */
interface ForcePopulations {
  forceId: string;
  population: number;
  estimates?: readonly Estimate[];
}

/** The population a rate divides by, and what it is. */
export interface PopulationBasis {
  population: number;
  /** The year of the estimate, or 2011 for the census. */
  year: number;
  source: "ONS mid-year estimate" | "2011 census";
}

/**
 * The population a rate for a period starting in `year` divides by, as the Home Office forms rates:
 * the ONS mid-year estimate of that year (2024/25 uses mid-2024), else the nearest earlier year
 * loaded, else the 2011 census.
 */
export function populationFor(census: number, estimates: readonly Estimate[] | undefined, year: number): PopulationBasis {
  const estimate = (estimates ?? []).filter((entry) => entry.year <= year).sort((a, b) => b.year - a.year)[0];
  return estimate
    ? { population: estimate.population, year: estimate.year, source: "ONS mid-year estimate" }
    : { population: census, year: REFERENCE_POPULATION_YEAR, source: "2011 census" };
}

/** Every force's population for a period starting in `year`, by force id. */
export const populationsFor = (forces: readonly ForcePopulations[] | undefined, year: number) =>
  new Map((forces ?? []).map((force) => [force.forceId, populationFor(force.population, force.estimates, year)]));

/** The populations a group rate divided by, in words: "ONS mid-2024 estimates (43 forces)", or the mix of years and the census. */
export function describePopulations(bases: Iterable<PopulationBasis>): string | null {
  const counts = new Map<string, number>();
  for (const basis of bases) {
    const label = basis.source === "2011 census" ? "2011 census" : `ONS mid-${basis.year} estimate`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  if (!counts.size) return null;
  return [...counts]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([label, forces]) => `${label} (${forces} force${forces === 1 ? "" : "s"})`)
    .join(", ");
}
