import { forceEntity } from "../../shared/graphql/force-entity.ts";

export const Force = forceEntity(
  "A territorial police force (entity owned by the forces subgraph); comparisons here use its groups and populations from there.",
  ["regionForceIds", "mostSimilarGroupForceIds", "forcePopulations"],
);
export type Force = InstanceType<typeof Force>;
