import { Authorized, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { assertCanSeeForce } from "../../../shared/auth/viewer.ts";
import { ACCESS } from "../access.ts";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { checkPeriod } from "../../shared/graphql/period.ts";
import { WatchlistAlert } from "../../shared/measures/measure-types.ts";
import type { ResponseTimesContext } from "../loaders.ts";
import { Force } from "../schema/force.ts";
import { ResponseTimeSummary } from "../schema/response-time-summary.ts";
import { responseTimeAlerts } from "../watchlist.ts";
import { FromArg, ToArg } from "../../shared/graphql/period-args.ts";

@Resolver(() => Force)
export class ForceResponseTimesResolver {
  @FieldResolver(() => ResponseTimeSummary, {
    nullable: true,
    description: "Response times measured to the national standard over a period (months that start within it).",
  })
  @Directive('@requires(fields: "regionForceIds mostSimilarGroupForceIds")')
  responseTimes(
    @Root() force: Force,
    @FromArg() from: Date,
    @ToArg() to: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
  ): ResponseTimeSummary {
    return {
      forceId: force.id,
      regionForceIds: force.regionForceIds ?? [],
      mostSimilarGroupForceIds: force.mostSimilarGroupForceIds ?? [],
      ...checkPeriod(from, to, asPublishedOn),
    };
  }

  @FieldResolver(() => [WatchlistAlert], {
    nullable: true,
    description:
      "Response-time watchlist rules this force triggered in the period, each with its evidence. Signed-in roles; a force sees its own.",
  })
  @Authorized(...ACCESS.alerts)
  responseTimeAlerts(@Root() force: Force, @FromArg() from: Date, @ToArg() to: Date, @Ctx() context: ResponseTimesContext) {
    assertCanSeeForce(context.viewer, force.id);
    return responseTimeAlerts(context, checkPeriod(from, to), force.id);
  }
}
