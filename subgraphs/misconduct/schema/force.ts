import { forceEntity } from "../../shared/graphql/force-entity.ts";

export const Force = forceEntity();
export type Force = InstanceType<typeof Force>;
