import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { ForcesContext } from "../loaders.ts";
import { ComparisonGroup, ComparisonGroupKind } from "../schema/comparison-group.ts";
import { Force } from "../schema/force.ts";

@Resolver(() => ComparisonGroup)
export class ComparisonGroupResolver {
  @Query(() => [ComparisonGroup], { description: "Comparison groups, optionally of one kind." })
  comparisonGroups(
    @Arg("kind", () => ComparisonGroupKind, { nullable: true, description: "Only groups of this kind; every group when omitted." })
    kind: ComparisonGroupKind | null,
    @Ctx() { prisma }: ForcesContext,
  ) {
    return prisma.comparisonGroup.findMany({ where: kind ? { kind } : {}, orderBy: { id: "asc" } });
  }

  @Query(() => ComparisonGroup, { nullable: true, description: "One comparison group by id; null when there is none." })
  comparisonGroup(@Arg("id", () => ID, { description: "The group's id." }) id: string, @Ctx() { prisma }: ForcesContext) {
    return prisma.comparisonGroup.findUnique({ where: { id } });
  }

  @FieldResolver(() => [Force], { description: "The forces in the group, including the anchor force of a most similar group." })
  async members(@Root() group: ComparisonGroup, @Ctx() { loaders }: ForcesContext) {
    const forceIds = await loaders.membersByGroup.load(group.id);
    return loaders.force.loadMany(forceIds);
  }

  @FieldResolver(() => Force, { nullable: true, description: "For a most similar group, the force it was drawn up for." })
  anchor(@Root() group: ComparisonGroup, @Ctx() { loaders }: ForcesContext) {
    return group.anchorForceId ? loaders.force.load(group.anchorForceId) : null;
  }
}
