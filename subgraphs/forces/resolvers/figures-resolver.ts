import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { badArgument } from "../../../shared/graphql/errors.ts";
import { figureTableId, parseFigureTableId, type FigureRequest } from "../../shared/figures/figure-request.ts";
import { ForceGroups } from "../../shared/figures/figure-types.ts";
import { Interval, periodsOf } from "../../shared/figures/interval.ts";
import { MeasureId } from "../../shared/figures/measure-id.ts";
import { OWNER_ROWS } from "../../shared/figures/selections.ts";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { ForcePopulation } from "../../shared/graphql/force-population.ts";
import { checkPeriod, isoDay } from "../../shared/graphql/period.ts";
import { LocalDate } from "../../shared/graphql/scalars.ts";
import { allForcePopulations, mostSimilarGroupForceIdsOf, regionForceIdsOf } from "../force-groups.ts";
import type { ForcesContext } from "../loaders.ts";
import { Figure, FigureTable } from "../schema/figure-table.ts";

/** Most rows one table may have: every measure × every force × two years of months fits. */
export const MAX_ROWS = 25_000;

const INTERVAL_NAMES: Record<Interval, string> = {
  MONTH: "month",
  QUARTER: "quarter",
  FINANCIAL_YEAR: "financial year",
  CALENDAR_YEAR: "calendar year",
  SNAPSHOT: "snapshot",
  WHOLE_PERIOD: "period",
};

async function checkForces(forceIds: string[] | null, { loaders }: ForcesContext): Promise<string[] | null> {
  if (!forceIds) return null;
  if (!forceIds.length) throw badArgument("forces", "name at least one force, or leave `forces` out for all of them");
  const found = await loaders.force.loadMany(forceIds);
  const missing = forceIds.filter((_, index) => !found[index]);
  if (missing.length) throw badArgument("forces", `unknown force ${missing.map((id) => `"${id}"`).join(", ")}: see \`forces\` for the ids`);
  return [...new Set(forceIds)];
}

/** Refuses a table that has no period or too many rows, before any subgraph computes it. */
function checkSize(request: FigureRequest, forceCount: number) {
  if (request.interval === Interval.SNAPSHOT) return;
  const periods = periodsOf(request.interval, request.span);
  if (!periods.length)
    throw badArgument(
      "interval",
      `no whole ${INTERVAL_NAMES[request.interval]} lies within ${isoDay(request.span.from)} to ${isoDay(request.span.to)}: widen the span or choose a shorter interval`,
    );
  const rows = periods.length * forceCount * request.measureIds.length;
  if (rows > MAX_ROWS)
    throw badArgument(
      "measures",
      `the table would have ${rows.toLocaleString("en-GB")} rows; at most ${MAX_ROWS.toLocaleString("en-GB")}: ask for fewer measures, forces or periods`,
    );
}

/** Every owner's rows of the table, as @requires brought them. */
const ownerRows = (table: FigureTable) =>
  [table.responseTimesRows, table.crimePrioritiesRows, table.workforceRows, table.misconductRows].flatMap((owned) => owned ?? []);

const tableOf = (id: string): FigureTable => {
  const request = parseFigureTableId(id);
  return {
    id,
    from: request.span.from,
    to: request.span.to,
    interval: request.interval,
    asPublishedOn: request.span.asPublishedOn ?? null,
    measures: request.measureIds.map((measureId) => ({ id: measureId })),
  };
};

@Resolver(() => FigureTable)
export class FigureTableResolver {
  @Query(() => FigureTable, {
    description:
      "Any measures for any forces as a table: one row per force × period × measure (tidy data, what a table, chart or CSV is made from), each with its coverage, " +
      "synthetic flag, sources, quality notes, national, region and most similar group values and rank. The same figures, access and coverage rules as each subgraph's comparisons.",
  })
  async figures(
    @Arg("measures", () => [MeasureId], { description: "The measures, in the order the rows give them." }) measureIds: MeasureId[],
    @Arg("from", () => LocalDate, { description: "First day of the span." }) from: Date,
    @Arg("to", () => LocalDate, { description: "Last day of the span." }) to: Date,
    @Arg("interval", () => Interval, { description: "How the span is cut into periods; only whole periods within it are given." })
    interval: Interval,
    @Arg("forces", () => [ID], { nullable: true, description: "Force ids (data.police.uk); every force, by name, when omitted." })
    forceIds: string[] | null,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() context: ForcesContext,
  ): Promise<FigureTable> {
    if (!measureIds.length) throw badArgument("measures", "name at least one measure (see `measures`)");
    const forces = await checkForces(forceIds, context);
    const request: FigureRequest = {
      measureIds: [...new Set(measureIds)],
      forceIds: forces,
      span: checkPeriod(from, to, asPublishedOn),
      interval,
    };
    checkSize(request, forces?.length ?? (await context.loaders.allForces()).length);
    return tableOf(figureTableId(request));
  }

  @FieldResolver(() => [Figure], {
    description: "The rows: measures in the order asked, then periods oldest first, then forces in the order asked (by name when all).",
  })
  @Directive(`@requires(fields: "${OWNER_ROWS}")`)
  async rows(@Root() table: FigureTable, @Ctx() { loaders }: ForcesContext): Promise<Figure[]> {
    const order = parseFigureTableId(table.id).measureIds;
    const sorted = ownerRows(table).sort((a, b) => order.indexOf(a.measureId) - order.indexOf(b.measureId));
    const forces = await loaders.force.loadMany(sorted.map((row) => row.forceId));
    return sorted.map((row, index) => ({ ...row, force: forces[index] as Figure["force"], measure: { id: row.measureId } }));
  }

  @FieldResolver(() => Boolean, { description: "True when any row's value rests on the synthetic sample: a table showing it must say so." })
  @Directive(`@requires(fields: "${OWNER_ROWS}")`)
  synthetic(@Root() table: FigureTable) {
    return ownerRows(table).some((row) => row.synthetic && row.value !== null);
  }

  @FieldResolver(() => [ForceGroups], {
    description: "The region and most similar group of each force asked for (hidden: what the owners of measures compare with).",
  })
  @Directive("@inaccessible")
  async forceGroups(@Root() table: FigureTable, @Ctx() { loaders }: ForcesContext): Promise<ForceGroups[]> {
    const { forceIds } = parseFigureTableId(table.id);
    const forces = forceIds
      ? ((await loaders.force.loadMany(forceIds)) as { id: string; regionId: string }[])
      : await loaders.forcesByName(null);
    return Promise.all(
      forces.map(async (force) => ({
        forceId: force.id,
        regionForceIds: await regionForceIdsOf(force, loaders),
        mostSimilarGroupForceIds: await mostSimilarGroupForceIdsOf(force, loaders),
      })),
    );
  }

  @FieldResolver(() => [ForcePopulation], { description: "Every force's population (hidden: what rates per resident divide by)." })
  @Directive("@inaccessible")
  forcePopulations(@Ctx() { loaders }: ForcesContext): Promise<ForcePopulation[]> {
    return allForcePopulations(loaders);
  }
}

export const resolveFigureTableReference = (reference: Record<string, unknown>) =>
  typeof reference.id === "string" ? { ...reference, ...tableOf(reference.id) } : null;
