import { forceEntity } from "../../shared/graphql/force-entity.ts";

export const Force = forceEntity(
  "A territorial police force (entity owned by the forces subgraph); comparisons here use its region and most similar group from there.",
  ["regionForceIds", "mostSimilarGroupForceIds"],
);
export type Force = InstanceType<typeof Force>;
