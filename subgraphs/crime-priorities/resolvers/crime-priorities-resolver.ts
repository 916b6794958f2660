import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { checkPeriod } from "../../shared/graphql/period.ts";
import { LocalDate } from "../../shared/graphql/scalars.ts";
import { Source } from "../../shared/graphql/source.ts";
import type { CrimePrioritiesContext, OffenceTotals } from "../loaders.ts";
import { CrimePrioritySummary } from "../schema/crime-priority-summary.ts";
import { StopSearchSummary } from "../schema/stop-search-summary.ts";
import { ALL_RECORDED_CRIME } from "../importers/police-uk-outcomes.ts";
import { Force } from "../schema/force.ts";
import { CrimePriority } from "../schema/priority.ts";
import { OutcomeCount, PriorityCrime } from "../schema/priority-crime.ts";

const TOTAL_FIELD: Record<CrimePriority, keyof OffenceTotals> = {
  [CrimePriority.VAWG]: "vawg",
  [CrimePriority.KNIFE_CRIME]: "knifeCrime",
  [CrimePriority.CSA]: "csa",
};

@Resolver(() => Force)
export class ForceCrimePrioritiesResolver {
  @FieldResolver(() => CrimePrioritySummary, { nullable: true, description: "Recorded crime in the national priorities (VAWG, knife crime, CSA) over a period." })
  @Directive('@requires(fields: "population")')
  crimePriorities(@Root() force: Force, @Arg("from", () => LocalDate) from: Date, @Arg("to", () => LocalDate) to: Date, @AsPublishedOnArg() asPublishedOn: Date | null) {
    return { forceId: force.id, population: force.population ?? null, ...checkPeriod(from, to, asPublishedOn) };
  }
}

@Resolver(() => Force)
export class ForceStopSearchResolver {
  @FieldResolver(() => StopSearchSummary, { nullable: true, description: "Stop and search over a period (months that start within it); null when none is loaded." })
  async stopAndSearch(
    @Root() force: Force,
    @Arg("from", () => LocalDate) from: Date,
    @Arg("to", () => LocalDate) to: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() { loaders }: CrimePrioritiesContext,
  ): Promise<StopSearchSummary | null> {
    const period = checkPeriod(from, to, asPublishedOn);
    const row = (await loaders.stopSearch(period)).get(force.id);
    if (!row) return null;
    const { weaponFinds, ...counts } = row;
    return { ...counts, ...period, weaponFindRate: row.weaponSearches > 0 ? weaponFinds / row.weaponSearches : null };
  }
}

@Resolver(() => CrimePrioritySummary)
export class CrimePrioritySummaryResolver {
  private async priority(summary: CrimePrioritySummary, priority: CrimePriority, { loaders }: CrimePrioritiesContext): Promise<PriorityCrime> {
    const totals = (await loaders.figures(summary)).get(summary.forceId);
    const offences = totals ? (totals[TOTAL_FIELD[priority]] as number) : 0;
    return {
      priority,
      forceId: summary.forceId,
      period: { from: summary.from, to: summary.to, asPublishedOn: summary.asPublishedOn },
      offences,
      ratePer1000: summary.population ? (offences / summary.population) * 1000 : null,
      shareOfRecordedCrime: totals?.recordedOffences ? offences / totals.recordedOffences : null,
    };
  }

  @FieldResolver(() => Int, { description: "All offences recorded in the period, flagged or not (offences)." })
  async recordedOffences(@Root() summary: CrimePrioritySummary, @Ctx() { loaders }: CrimePrioritiesContext) {
    return ((await loaders.figures(summary)).get(summary.forceId))?.recordedOffences ?? 0;
  }

  @FieldResolver(() => [OutcomeCount], { description: "Outcomes assigned in the period to all recorded crime (data.police.uk outcomes files), most frequent first." })
  async recordedCrimeOutcomes(@Root() summary: CrimePrioritySummary, @Ctx() { loaders }: CrimePrioritiesContext) {
    const rows = await loaders.outcomes.load({ forceId: summary.forceId, period: summary });
    return rows.filter((row) => row.priority === ALL_RECORDED_CRIME);
  }

  @FieldResolver(() => [Source], { description: "The import batches (files, or the synthetic sample) these figures are computed from." })
  sources(@Root() summary: CrimePrioritySummary, @Ctx() { loaders }: CrimePrioritiesContext) {
    return loaders.sources(summary, summary.forceId);
  }

  @FieldResolver(() => PriorityCrime, { description: "Offences flagged as involving a knife or sharp instrument." })
  knifeCrime(@Root() summary: CrimePrioritySummary, @Ctx() context: CrimePrioritiesContext) {
    return this.priority(summary, CrimePriority.KNIFE_CRIME, context);
  }

  @FieldResolver(() => PriorityCrime, { description: "Offences flagged as violence against women and girls." })
  vawg(@Root() summary: CrimePrioritySummary, @Ctx() context: CrimePrioritiesContext) {
    return this.priority(summary, CrimePriority.VAWG, context);
  }

  @FieldResolver(() => PriorityCrime, { description: "Offences flagged as child sexual abuse." })
  csa(@Root() summary: CrimePrioritySummary, @Ctx() context: CrimePrioritiesContext) {
    return this.priority(summary, CrimePriority.CSA, context);
  }
}

@Resolver(() => PriorityCrime)
export class PriorityCrimeResolver {
  @FieldResolver(() => [OutcomeCount], { description: "Outcomes assigned in the period, most frequent first." })
  async outcomes(@Root() crime: PriorityCrime, @Ctx() { loaders }: CrimePrioritiesContext) {
    const rows = await loaders.outcomes.load({ forceId: crime.forceId, period: crime.period });
    return rows.filter((row) => row.priority === crime.priority);
  }
}
