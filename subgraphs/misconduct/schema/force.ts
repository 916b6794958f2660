import { forceEntity } from "../../shared/graphql/force-entity.ts";

export const Force = forceEntity(
  "A territorial police force (entity owned by the forces subgraph); rates here use officer strength from the workforce subgraph.",
  ["regionForceIds", "mostSimilarGroupForceIds", "forceOfficerStrengths"],
);
export type Force = InstanceType<typeof Force>;
