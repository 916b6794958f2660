import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { ForcesContext } from "../loaders.ts";
import { allForcePopulations, mostSimilarGroupForceIdsOf, mostSimilarGroupOf, regionForceIdsOf } from "../force-groups.ts";
import { ComparisonGroup } from "../schema/comparison-group.ts";
import { Force } from "../schema/force.ts";
import { Governance } from "../schema/governance.ts";
import { Region } from "../schema/region.ts";
import { ForcePopulation, PopulationEstimate } from "../../shared/graphql/force-population.ts";

@Resolver(() => Force)
export class ForceResolver {
  @Query(() => [Force], { description: "The territorial forces, by name; `region` (id or name) narrows them to one region." })
  forces(
    @Arg("region", () => String, { nullable: true, description: "A region's id or name; every force when omitted." }) region: string | null,
    @Ctx() { loaders }: ForcesContext,
  ) {
    return loaders.forcesByName(region);
  }

  @Query(() => Force, { nullable: true, description: "One force by its data.police.uk id; null when there is no such force." })
  force(@Arg("id", () => ID, { description: "The data.police.uk force id, e.g. `kent`." }) id: string, @Ctx() { loaders }: ForcesContext) {
    return loaders.force.load(id);
  }

  @FieldResolver(() => Region, { description: "The Home Office region the force belongs to." })
  region(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    return loaders.region.load(force.regionId);
  }

  @FieldResolver(() => [String], { description: "Other names and codes sources use for this force, normalised; imports match on these." })
  aliases(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    return loaders.aliasesByForce.load(force.id);
  }

  @FieldResolver(() => [Governance], { description: "Governance arrangements over time, oldest first." })
  governance(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    return loaders.governanceByForce.load(force.id);
  }

  @FieldResolver(() => [ComparisonGroup], { description: "Every comparison group the force is a member of." })
  comparisonGroups(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    return loaders.groupsByForce.load(force.id);
  }

  @FieldResolver(() => [ID], {
    description: "Ids of every force in the same region, this one included: what other subgraphs compare against.",
  })
  regionForceIds(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    return regionForceIdsOf(force, loaders);
  }

  @FieldResolver(() => [ID], {
    description: "Ids of the forces in the force's most similar group, this one included; empty when none is loaded.",
  })
  mostSimilarGroupForceIds(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    return mostSimilarGroupForceIdsOf(force, loaders);
  }

  @FieldResolver(() => [ForcePopulation], {
    description:
      "The population of every force (2011 census and the ONS mid-year estimates loaded), for subgraphs that weight group rates (national, region, most similar group) by population and rank forces on rates.",
  })
  forcePopulations(@Ctx() { loaders }: ForcesContext): Promise<ForcePopulation[]> {
    return allForcePopulations(loaders);
  }

  @FieldResolver(() => [PopulationEstimate], {
    description:
      "ONS mid-year population estimates loaded for the force area (`ons-population`), oldest first: a rate divides by the estimate of the year its period starts in.",
  })
  populationEstimates(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    return loaders.estimatesByForce.load(force.id);
  }

  @FieldResolver(() => ComparisonGroup, {
    nullable: true,
    description: "The force's most similar group (the force and its peers); null when none is loaded.",
  })
  mostSimilarGroup(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    return mostSimilarGroupOf(force, loaders);
  }
}

export const resolveForceReference = (reference: { id?: unknown }, { loaders }: ForcesContext) =>
  typeof reference.id === "string" ? loaders.force.load(reference.id) : null;
