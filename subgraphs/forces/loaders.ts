import type { Viewer } from "../../shared/auth/viewer.ts";
import DataLoader from "dataloader";
import type { PrismaClient } from "../../prisma/generated/forces/client.ts";
import { groupBy } from "../shared/graphql/group-by.ts";
import type { RequestMemo } from "../shared/graphql/request-memo.ts";

/**
 * One set of loaders per request. The reference tables (forces, regions, aliases, governance,
 * comparison groups) are small and asked for by nearly every request: each is read whole once for
 * the data as it stands, and the loaders answer from it.
 */
export function createLoaders(prisma: PrismaClient, memo: RequestMemo) {
  const allForces = () => memo("all-forces", () => prisma.force.findMany({ orderBy: { id: "asc" } }));
  const forcesByName = () => memo("forces-by-name", async () => [...(await allForces())].sort((a, b) => a.name.localeCompare(b.name)));
  const forcesById = () => memo("forces-by-id", async () => new Map((await allForces()).map((row) => [row.id, row])));
  const regionsById = () => memo("regions-by-id", async () => new Map((await prisma.region.findMany()).map((row) => [row.id, row])));
  const aliases = () => memo("aliases", () => prisma.forceAlias.findMany({ orderBy: { alias: "asc" } }));
  const governance = () => memo("governance", () => prisma.governance.findMany({ orderBy: { validFrom: "asc" } }));
  const memberships = () =>
    memo("memberships", () =>
      prisma.comparisonGroupMember.findMany({ include: { group: true }, orderBy: [{ forceId: "asc" }, { groupId: "asc" }] }),
    );
  const estimates = () =>
    memo("population-estimates", () => prisma.populationEstimate.findMany({ orderBy: [{ forceId: "asc" }, { year: "asc" }] }));
  const wholeTable =
    <K extends string, T>(rows: () => Promise<T[]>, keyOf: (row: T) => K) =>
    async (keys: readonly K[]) =>
      groupBy(keys, await rows(), keyOf);
  return {
    allForces,
    /** The forces by name, of one region (by id or name) when asked. */
    async forcesByName(region: string | null) {
      const regionIds = region
        ? [...(await regionsById()).values()].filter((row) => row.id === region || row.name === region).map((row) => row.id)
        : undefined;
      return (await forcesByName()).filter((force) => !regionIds || regionIds.includes(force.regionId));
    },
    force: new DataLoader(async (ids: readonly string[]) => {
      const byId = await forcesById();
      return ids.map((id) => byId.get(id) ?? null);
    }),
    region: new DataLoader(async (ids: readonly string[]) => {
      const byId = await regionsById();
      return ids.map((id) => byId.get(id) ?? new Error(`region ${id} not found`));
    }),
    aliasesByForce: new DataLoader(async (forceIds: readonly string[]) =>
      (await wholeTable(aliases, (row) => row.forceId)(forceIds)).map((rows) => rows.map((row) => row.alias)),
    ),
    governanceByForce: new DataLoader(wholeTable(governance, (row) => row.forceId)),
    groupsByForce: new DataLoader(async (forceIds: readonly string[]) =>
      (await wholeTable(memberships, (row) => row.forceId)(forceIds)).map((members) => members.map((member) => member.group)),
    ),
    membersByGroup: new DataLoader(async (groupIds: readonly string[]) =>
      (await wholeTable(memberships, (row) => row.groupId)(groupIds)).map((members) => members.map((member) => member.forceId)),
    ),
    forcesByRegion: new DataLoader(wholeTable(forcesByName, (row) => row.regionId)),
    estimatesByForce: new DataLoader(async (forceIds: readonly string[]) =>
      (await wholeTable(estimates, (row) => row.forceId)(forceIds)).map((rows) =>
        rows.map(({ year, population }) => ({ year, population })),
      ),
    ),
  };
}

export interface ForcesContext {
  prisma: PrismaClient;
  viewer: Viewer;
  loaders: ReturnType<typeof createLoaders>;
}

export const createContext = (prisma: PrismaClient, viewer: Viewer, memo: RequestMemo): ForcesContext => ({
  prisma,
  viewer,
  loaders: createLoaders(prisma, memo),
});
