import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ForceOfficerStrength } from "../../shared/graphql/force-officer-strength.ts";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { Source } from "../../shared/graphql/source.ts";
import type { WorkforceContext } from "../loaders.ts";
import { roundTo } from "../../shared/measures/compare.ts";
import { VISIBLE_FRONTLINE_SHARE } from "../measures.ts";
import { Force } from "../schema/force.ts";
import { FunctionStrength, WorkforceSnapshot } from "../schema/workforce-snapshot.ts";
import { AsAtArg } from "../../shared/graphql/period-args.ts";

@Resolver(() => Force)
export class ForceWorkforceResolver {
  @FieldResolver(() => WorkforceSnapshot, {
    nullable: true,
    description: "The force's workforce as at a date (the latest snapshot on or before it); null when none is that old.",
  })
  async workforce(
    @Root() force: Force,
    @AsAtArg() asAt: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() { loaders }: WorkforceContext,
  ): Promise<WorkforceSnapshot | null> {
    const row = await loaders(asPublishedOn).snapshot(force.id, asAt);
    if (!row) return null;
    const { visibleFrontlineOfficersFte, frontlineOfficersFte, ...snapshot } = row;
    const visibleFrontlineOfficerShare =
      visibleFrontlineOfficersFte !== null && frontlineOfficersFte
        ? roundTo(visibleFrontlineOfficersFte / frontlineOfficersFte, VISIBLE_FRONTLINE_SHARE.precision)
        : null;
    return { ...snapshot, asPublishedOn: asPublishedOn ?? undefined, visibleFrontlineOfficerShare };
  }
}

@Resolver(() => Force)
export class ForceOfficerStrengthsResolver {
  @FieldResolver(() => [ForceOfficerStrength], {
    description:
      "Officer FTE of every force at its latest snapshot, for subgraphs that express figures per officer and rank forces on them.",
  })
  async forceOfficerStrengths(@Ctx() { loaders }: WorkforceContext): Promise<ForceOfficerStrength[]> {
    return loaders().latestOfficers();
  }
}

@Resolver(() => WorkforceSnapshot)
export class WorkforceSnapshotResolver {
  @FieldResolver(() => [Source], { description: "The import batches (files, or the synthetic sample) this snapshot comes from." })
  sources(@Root() snapshot: WorkforceSnapshot, @Ctx() { loaders }: WorkforceContext) {
    return loaders(snapshot.asPublishedOn).sources(snapshot.asAt, snapshot.forceId);
  }

  @FieldResolver(() => [FunctionStrength], {
    nullable: true,
    description:
      "Officer FTE by wider function, largest first, from the functions table for this snapshot; null without one (see `coverage`).",
  })
  byFunction(@Root() snapshot: WorkforceSnapshot, @Ctx() { loaders }: WorkforceContext) {
    return snapshot.frontlineUnit ? loaders(snapshot.asPublishedOn).functions.load(snapshot.frontlineUnit) : null;
  }
}
