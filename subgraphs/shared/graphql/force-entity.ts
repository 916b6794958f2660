import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ForceOfficerStrength } from "./force-officer-strength.ts";
import { ForcePopulation, PopulationEstimate } from "./force-population.ts";

/** Fields other subgraphs own that an extending subgraph may need through @requires. */
const EXTERNAL_FIELDS = {
  population: { type: () => Int, description: "Resident population of the force area at the 2011 census, owned by the forces subgraph." },
  populationEstimates: {
    type: () => [PopulationEstimate],
    description: "ONS mid-year population estimates of the force area (owned by the forces subgraph).",
  },
  regionForceIds: { type: () => [ID], description: "Ids of every force in the same region (owned by the forces subgraph)." },
  mostSimilarGroupForceIds: {
    type: () => [ID],
    description: "Ids of the forces in the most similar group (owned by the forces subgraph).",
  },
  forcePopulations: { type: () => [ForcePopulation], description: "Every force's population (owned by the forces subgraph)." },
  forceOfficerStrengths: {
    type: () => [ForceOfficerStrength],
    description: "Every force's officer strength (owned by the workforce subgraph).",
  },
};
export type ExternalForceField = keyof typeof EXTERNAL_FIELDS;

/**
 * The `Force` entity as a subgraph that extends it sees it: its key, plus the external fields it
 * requires. Each subgraph makes its own class, since type-graphql attaches field resolvers to a class.
 */
export function forceEntity(description: string, externals: ExternalForceField[] = []) {
  @ObjectType({ description })
  @Directive('@key(fields: "id")')
  class Force {
    @Field(() => ID, { description: "The data.police.uk force id (slug), e.g. `metropolitan`." })
    id!: string;

    population?: number;
    populationEstimates?: PopulationEstimate[];
    regionForceIds?: string[];
    mostSimilarGroupForceIds?: string[];
    forcePopulations?: ForcePopulation[];
    forceOfficerStrengths?: ForceOfficerStrength[];
  }
  for (const name of externals) {
    Directive("@external")(Force.prototype, name);
    Field(EXTERNAL_FIELDS[name].type, { description: EXTERNAL_FIELDS[name].description })(Force.prototype, name);
  }
  return Force;
}
