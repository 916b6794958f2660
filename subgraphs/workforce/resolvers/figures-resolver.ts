import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { FigureRequest } from "../../shared/figures/figure-request.ts";
import { ROWS_REQUIRE } from "../../shared/figures/figure-entities.ts";
import { figureRows, type FigureTableReference } from "../../shared/figures/figure-rows.ts";
import { MeasureCatalogueEntry } from "../../shared/figures/figure-types.ts";
import { OWNER_FIGURES } from "../../shared/figures/owner-figure-types.ts";
import { Interval, periodsOf } from "../../shared/figures/interval.ts";
import { catalogueEntry, snapshotDays } from "../../shared/figures/measure-catalogue.ts";
import { ForceOfficerStrength } from "../../shared/graphql/force-officer-strength.ts";
import type { PrismaLike } from "../../shared/subgraph.ts";
import { compareWorkforceMeasure } from "../comparisons.ts";
import type { WorkforceContext } from "../loaders.ts";
import { WORKFORCE_MEASURES } from "../measures.ts";
import { FigureTable, Measure } from "../schema/figures.ts";
import { SNAPSHOT_MEASURES, type SnapshotPart } from "../snapshots.ts";

const OWNED = WORKFORCE_MEASURES.map(([measure, part]) => ({ id: measure.id, measure, part }));

/** SNAPSHOT: each snapshot day within the span; any other interval: its periods, each valued at the latest snapshot within it. */
async function snapshotPeriods(prisma: PrismaLike, request: FigureRequest, part: SnapshotPart) {
  if (request.interval !== Interval.SNAPSHOT) return periodsOf(request.interval, request.span);
  const days = await snapshotDays(prisma, "workforce", [SNAPSHOT_MEASURES[part].measure], request.span);
  return days.map((day) => ({ ...request.span, from: day, to: day }));
}

@Resolver(() => FigureTable)
export class WorkforceFiguresResolver {
  @FieldResolver(() => [OWNER_FIGURES["workforce"]], {
    description: "The table's rows of workforce measures (hidden: the forces subgraph serves them as `rows`).",
  })
  @Directive("@inaccessible")
  @Directive(`@requires(fields: "${ROWS_REQUIRE}")`)
  workforceRows(@Root() table: FigureTableReference, @Ctx() context: WorkforceContext) {
    return figureRows(table, {
      measures: OWNED,
      periods: (request, { part }) => snapshotPeriods(context.prisma, request, part),
      compare: ({ measure, part }, force, period) =>
        compareWorkforceMeasure([measure, part], force, period.to, context.loaders(period.asPublishedOn), {
          series: false,
          within: period,
        }),
    });
  }

  @FieldResolver(() => [ForceOfficerStrength], {
    description: "Officer FTE of every force at its latest snapshot, for rates per officer in other subgraphs (hidden).",
  })
  @Directive("@inaccessible")
  forceOfficerStrengths(@Ctx() { loaders }: WorkforceContext): Promise<ForceOfficerStrength[]> {
    return loaders().latestOfficers();
  }
}

@Resolver(() => Measure)
export class WorkforceDefinitionResolver {
  @FieldResolver(() => MeasureCatalogueEntry, {
    nullable: true,
    description: "The definition of a workforce measure; null for others (hidden: the forces subgraph serves it).",
  })
  @Directive("@inaccessible")
  workforceDefinition(@Root() { id }: Measure, @Ctx() { prisma }: WorkforceContext) {
    const owned = OWNED.find((candidate) => candidate.id === id);
    return owned ? catalogueEntry(prisma, "workforce", owned.measure, [SNAPSHOT_MEASURES[owned.part].measure], true) : null;
  }
}
