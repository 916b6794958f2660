import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import { ACCESS } from "../access.ts";
import { chooseMeasure } from "../../shared/figures/choose-measures.ts";
import { MeasureId } from "../../shared/figures/measure-id.ts";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { checkPeriod } from "../../shared/graphql/period.ts";
import { leagueTable } from "../../shared/measures/compare.ts";
import { MeasureDefinition, WatchlistAlert } from "../../shared/measures/measure-types.ts";
import type { ResponseTimesContext } from "../loaders.ts";
import { RESPONSE_TIME_MEASURES } from "../measure-figures.ts";
import { LeagueTableEntry } from "../schema/league-table-entry.ts";
import { ResponseStandard } from "../schema/response-standard.ts";
import { responseTimeAlerts } from "../watchlist.ts";
import { FromArg, ToArg } from "../../shared/graphql/period-args.ts";

@Resolver()
export class ResponseTimesQueryResolver {
  @Query(() => [MeasureDefinition], {
    description: "The response-time measures: one definition each, with unit, direction and how group values are formed.",
  })
  responseTimeMeasures() {
    return RESPONSE_TIME_MEASURES.map((sourced) => sourced.measure);
  }

  @Query(() => [ResponseStandard], { description: "The attendance standards, every version, oldest first." })
  responseStandards(@Ctx() { prisma }: ResponseTimesContext) {
    return prisma.responseStandard.findMany({ orderBy: [{ effectiveFrom: "asc" }, { grade: "asc" }, { areaType: "asc" }] });
  }

  @Query(() => [LeagueTableEntry], {
    description: "Every force with data ranked on one response-time measure over a period (months that start within it), best first.",
  })
  async responseTimeLeagueTable(
    @Arg("measureId", () => MeasureId, { nullable: true, description: "The measure (a response-time one)." }) measureId: MeasureId | null,
    @Arg("measure", () => ID, {
      nullable: true,
      description: "A measure id from `responseTimeMeasures`, as a string.",
      deprecationReason:
        "Use `measureId` (a MeasureId value, offered by the explorer and checked by the schema); this ID string is kept for one release.",
    })
    id: string | null,
    @FromArg() from: Date,
    @ToArg() to: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() { loaders }: ResponseTimesContext,
  ): Promise<LeagueTableEntry[]> {
    const sourced = chooseMeasure(RESPONSE_TIME_MEASURES, (candidate) => candidate.measure.id, measureId, id);
    const period = checkPeriod(from, to, asPublishedOn);
    const { values, ranks } = leagueTable(sourced.measure, await sourced.period(loaders, period));
    return [...values.entries()]
      .map(([id, value]) => ({ force: { id }, value, rank: ranks.get(id) ?? null, measureId: sourced.measure.id, period }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.force.id.localeCompare(b.force.id));
  }

  @Query(() => [WatchlistAlert], {
    nullable: true,
    description: "Response-time watchlist alerts for every force over a period, by rule then force. Signed-in roles; a force sees its own.",
  })
  @Authorized(...ACCESS.alerts)
  responseTimeAlerts(@FromArg() from: Date, @ToArg() to: Date, @Ctx() context: ResponseTimesContext) {
    return responseTimeAlerts(context, checkPeriod(from, to), context.viewer.forceId);
  }
}
