import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { ForcesContext } from "../loaders.ts";
import { ComparisonGroup, ComparisonGroupKind } from "../schema/comparison-group.ts";
import { Force } from "../schema/force.ts";
import { Governance } from "../schema/governance.ts";
import { Region } from "../schema/region.ts";
import { ForcePopulation, PopulationEstimate } from "../../shared/graphql/force-population.ts";

@Resolver(() => Force)
export class ForceResolver {
  @Query(() => [Force], { description: "The territorial forces, by name; `region` (id or name) narrows them to one region." })
  forces(@Arg("region", () => String, { nullable: true }) region: string | null, @Ctx() { loaders }: ForcesContext) {
    return loaders.forcesByName(region);
  }

  @Query(() => Force, { nullable: true, description: "One force by its data.police.uk id; null when there is no such force." })
  force(@Arg("id", () => ID) id: string, @Ctx() { loaders }: ForcesContext) {
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

  @FieldResolver(() => [ID], { description: "Ids of every force in the same region, this one included: what other subgraphs compare against." })
  async regionForceIds(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    return (await loaders.forcesByRegion.load(force.regionId)).map((member) => member.id);
  }

  @FieldResolver(() => [ID], { description: "Ids of the forces in the force's most similar group, this one included; empty when none is loaded." })
  async mostSimilarGroupForceIds(@Root() force: Force, @Ctx() context: ForcesContext) {
    const group = await this.mostSimilarGroup(force, context);
    return group ? context.loaders.membersByGroup.load(group.id) : [];
  }

  @FieldResolver(() => [ForcePopulation], {
    description: "The population of every force (2011 census and the ONS mid-year estimates loaded), for subgraphs that weight group rates (national, region, most similar group) by population and rank forces on rates.",
  })
  async forcePopulations(@Ctx() { loaders }: ForcesContext): Promise<ForcePopulation[]> {
    const forces = await loaders.allForces();
    const estimates = await loaders.estimatesByForce.loadMany(forces.map((force) => force.id));
    return forces.map((force, index) => ({ forceId: force.id, population: force.population, estimates: estimates[index] as PopulationEstimate[] }));
  }

  @FieldResolver(() => [PopulationEstimate], { description: "ONS mid-year population estimates loaded for the force area (`ons-population`), oldest first: a rate divides by the estimate of the year its period starts in." })
  populationEstimates(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    return loaders.estimatesByForce.load(force.id);
  }

  @FieldResolver(() => ComparisonGroup, { nullable: true, description: "The force's most similar group (the force and its peers); null when none is loaded." })
  async mostSimilarGroup(@Root() force: Force, @Ctx() { loaders }: ForcesContext) {
    const groups = await loaders.groupsByForce.load(force.id);
    return groups.find((group) => group.kind === ComparisonGroupKind.MOST_SIMILAR && group.anchorForceId === force.id) ?? null;
  }
}

export const resolveForceReference = (reference: { id?: unknown }, { loaders }: ForcesContext) =>
  typeof reference.id === "string" ? loaders.force.load(reference.id) : null;
