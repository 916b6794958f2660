import { forceEntity } from "../../shared/graphql/force-entity.ts";

export const Force = forceEntity(
  "A territorial police force (entity owned by the forces subgraph); rates and comparisons here use its population and groups from there.",
  ["population", "populationEstimates", "regionForceIds", "mostSimilarGroupForceIds", "forcePopulations"],
);
export type Force = InstanceType<typeof Force>;
