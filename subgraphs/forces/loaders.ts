import type { Viewer } from "../shared/auth/viewer.ts";
import DataLoader from "dataloader";
import type { PrismaClient } from "../../prisma/generated/forces/client.ts";
import { groupBy } from "../shared/graphql/group-by.ts";
import type { RequestMemo } from "../shared/graphql/request-memo.ts";

/**
 * One set of loaders per request: each resolves a whole level of the query in one statement. Forces
 * and regions, asked by nearly every request, are read whole once for the data as it stands.
 */
export function createLoaders(prisma: PrismaClient, memo: RequestMemo) {
  const allForces = () => memo("all-forces", () => prisma.force.findMany({ orderBy: { id: "asc" } }));
  const forcesById = () => memo("forces-by-id", async () => new Map((await allForces()).map((row) => [row.id, row])));
  const regionsById = () => memo("regions-by-id", async () => new Map((await prisma.region.findMany()).map((row) => [row.id, row])));
  return {
    allForces,
    /** The forces by name, of one region (by id or name) when asked. */
    async forcesByName(region: string | null) {
      const regionIds = region ? [...(await regionsById()).values()].filter((row) => row.id === region || row.name === region).map((row) => row.id) : undefined;
      return (await allForces()).filter((force) => !regionIds || regionIds.includes(force.regionId)).sort((a, b) => a.name.localeCompare(b.name));
    },
    force: new DataLoader(async (ids: readonly string[]) => {
      const byId = await forcesById();
      return ids.map((id) => byId.get(id) ?? null);
    }),
    region: new DataLoader(async (ids: readonly string[]) => {
      const byId = await regionsById();
      return ids.map((id) => byId.get(id) ?? new Error(`region ${id} not found`));
    }),
    aliasesByForce: new DataLoader(async (forceIds: readonly string[]) => {
      const rows = await prisma.forceAlias.findMany({ where: { forceId: { in: [...forceIds] } }, orderBy: { alias: "asc" } });
      return groupBy(forceIds, rows, (row) => row.forceId).map((aliases) => aliases.map((row) => row.alias));
    }),
    governanceByForce: new DataLoader(async (forceIds: readonly string[]) => {
      const rows = await prisma.governance.findMany({ where: { forceId: { in: [...forceIds] } }, orderBy: { validFrom: "asc" } });
      return groupBy(forceIds, rows, (row) => row.forceId);
    }),
    groupsByForce: new DataLoader(async (forceIds: readonly string[]) => {
      const rows = await prisma.comparisonGroupMember.findMany({ where: { forceId: { in: [...forceIds] } }, include: { group: true } });
      return groupBy(forceIds, rows, (row) => row.forceId).map((members) => members.map((member) => member.group));
    }),
    membersByGroup: new DataLoader(async (groupIds: readonly string[]) => {
      const rows = await prisma.comparisonGroupMember.findMany({ where: { groupId: { in: [...groupIds] } }, orderBy: { forceId: "asc" } });
      return groupBy(groupIds, rows, (row) => row.groupId).map((members) => members.map((member) => member.forceId));
    }),
    forcesByRegion: new DataLoader(async (regionIds: readonly string[]) => {
      const rows = await prisma.force.findMany({ where: { regionId: { in: [...regionIds] } }, orderBy: { name: "asc" } });
      return groupBy(regionIds, rows, (row) => row.regionId);
    }),
  };
}

export interface ForcesContext {
  prisma: PrismaClient;
  viewer: Viewer;
  loaders: ReturnType<typeof createLoaders>;
}

export const createContext = (prisma: PrismaClient, viewer: Viewer, memo: RequestMemo): ForcesContext => ({ prisma, viewer, loaders: createLoaders(prisma, memo) });
