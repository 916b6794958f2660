import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { ForcesContext } from "../loaders.ts";
import { Force } from "../schema/force.ts";
import { Region } from "../schema/region.ts";

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: "The Home Office regions, by name." })
  regions(@Ctx() { prisma }: ForcesContext) {
    return prisma.region.findMany({ orderBy: { name: "asc" } });
  }

  @FieldResolver(() => [Force], { description: "Forces in the region, by name." })
  forces(@Root() region: Region, @Ctx() { loaders }: ForcesContext) {
    return loaders.forcesByRegion.load(region.id);
  }
}
