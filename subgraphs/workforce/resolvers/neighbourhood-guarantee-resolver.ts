import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { referenceForces } from "../../shared/reference/forces.ts";
import type { WorkforceContext } from "../loaders.ts";
import { forceTarget, progress } from "../neighbourhood-guarantee.ts";
import { Force } from "../schema/force.ts";
import { NeighbourhoodGuaranteeProgress } from "../schema/neighbourhood-guarantee.ts";
import { AsAtArg } from "../../shared/graphql/period-args.ts";

const FORCES = referenceForces().length;
const sumFte = (rows: Iterable<{ neighbourhoodFte: number }>) => [...rows].reduce((sum, row) => sum + row.neighbourhoodFte, 0);
const latest = (rows: Iterable<{ asAt: Date }>) => new Date(Math.max(...[...rows].map((row) => row.asAt.getTime())));

@Resolver()
export class NeighbourhoodGuaranteeQueryResolver {
  @Query(() => NeighbourhoodGuaranteeProgress, {
    nullable: true,
    description:
      "National progress on the Neighbourhood Policing Guarantee at a date; null without a target, or unless a workforce table by function covers every one of the 43 forces " +
      "(a national total of fewer forces would read as a fall that never happened).",
  })
  async neighbourhoodPolicingGuarantee(
    @AsAtArg() asAt: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() context: WorkforceContext,
  ) {
    const loaders = context.loaders(asPublishedOn);
    const [target, byForce] = await Promise.all([loaders.guaranteeTarget(), loaders.neighbourhoodByForce(asAt)]);
    if (!target || byForce.size < FORCES) return null;
    return progress(target, latest(byForce.values()), sumFte(byForce.values()));
  }
}

@Resolver(() => Force)
export class ForceNeighbourhoodGuaranteeResolver {
  @FieldResolver(() => NeighbourhoodGuaranteeProgress, {
    nullable: true,
    description: "The force's progress on the Neighbourhood Policing Guarantee at a date; null without a target or snapshots.",
  })
  async neighbourhoodPolicingGuarantee(
    @Root() force: Force,
    @AsAtArg() asAt: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() context: WorkforceContext,
  ) {
    const loaders = context.loaders(asPublishedOn);
    const target = await loaders.guaranteeTarget();
    if (!target) return null;
    const [now, atBaseline] = await Promise.all([loaders.neighbourhoodByForce(asAt), loaders.neighbourhoodByForce(target.baselineOn)]);
    const current = now.get(force.id);
    const baseline = atBaseline.get(force.id);
    if (!current || !baseline) return null;
    return progress(forceTarget(target, baseline.neighbourhoodFte), current.asAt, current.neighbourhoodFte);
  }
}
