import { Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { AsPublishedOnArg } from "../../shared/graphql/as-published.ts";
import { checkPeriod, isoDay, monthsStartingWithin } from "../../shared/graphql/period.ts";
import { Source } from "../../shared/graphql/source.ts";
import { Coverage } from "../../shared/graphql/coverage.ts";
import { tileCoverage } from "../../shared/coverage/tile.ts";
import { CRIME_COUNTS, qualityNotesOf, type CrimeCount, type ForceCrimeCounts } from "../figures.ts";
import { STOP_SEARCH_MONTHS, STREET_MONTHS } from "../plausibility.ts";
import { notesWithin } from "../../shared/ingest/plausibility.ts";
import type { CrimePrioritiesContext, StopSearchCounts } from "../loaders.ts";
import { CrimePrioritySummary } from "../schema/crime-priority-summary.ts";
import { StopSearchSummary } from "../schema/stop-search-summary.ts";
import { ALL_RECORDED_CRIME } from "../outcomes.ts";
import { Force } from "../schema/force.ts";
import { populationFor } from "../../shared/measures/population.ts";
import { roundTo, SHARE_PLACES } from "../../shared/measures/compare.ts";
import { RATE_PER_1000_PRECISION } from "../measures.ts";
import { CrimePriority } from "../schema/priority.ts";
import { OffenceFigure, OutcomeCount, PriorityCrime } from "../schema/priority-crime.ts";
import { FromArg, ToArg } from "../../shared/graphql/period-args.ts";

const PRIORITY_COUNT: Record<CrimePriority, CrimeCount> = {
  [CrimePriority.VAWG]: "vawg",
  [CrimePriority.KNIFE_CRIME]: "knifeCrime",
  [CrimePriority.CSA]: "csa",
};

@Resolver(() => Force)
export class ForceCrimePrioritiesResolver {
  @FieldResolver(() => CrimePrioritySummary, {
    nullable: true,
    description: "Recorded crime in the national priorities (VAWG, knife crime, CSA) over a period.",
  })
  @Directive('@requires(fields: "population populationEstimates { year population }")')
  crimePriorities(@Root() force: Force, @FromArg() from: Date, @ToArg() to: Date, @AsPublishedOnArg() asPublishedOn: Date | null) {
    const population = force.population ? populationFor(force.population, force.populationEstimates, from.getUTCFullYear()) : null;
    return { forceId: force.id, population, ...checkPeriod(from, to, asPublishedOn) };
  }
}

/**
 * Finds over the weapon searches whose file recorded whether the outcome was linked to the object:
 * a force that leaves the column blank on every row (the Metropolitan Police in 2018) did not
 * publish it, which is not "no find".
 */
function weaponFindRate(
  finds: number,
  searchesLinkRecorded: number,
  weaponSearches: number,
): Pick<StopSearchSummary, "weaponFindRate" | "weaponFindRateReason"> {
  if (searchesLinkRecorded > 0) return { weaponFindRate: roundTo(finds / searchesLinkRecorded, SHARE_PLACES), weaponFindRateReason: null };
  const reason =
    weaponSearches > 0
      ? 'not recorded by this force in this file: "Outcome linked to object of search" is blank on every weapon search'
      : "no weapon searches in the period";
  return { weaponFindRate: null, weaponFindRateReason: reason };
}

/** A count from an optional column: null, with the reason, where no search of the period recorded it. */
const recordedCount = (count: number, recorded: number, column: string) =>
  recorded > 0
    ? { count, reason: null }
    : { count: null, reason: `not recorded by this force in this file: "${column}" is blank on every search` };

/** The counts from the file's optional columns (outcome, removal of clothing), each null where blank on every search. */
function optionalCounts(
  row: StopSearchCounts,
): Pick<StopSearchSummary, "arrestCount" | "arrestCountReason" | "moreThanOuterClothingRemoved" | "moreThanOuterClothingRemovedReason"> {
  const arrests = recordedCount(row.arrests, row.outcomesRecorded, "Outcome");
  const clothing = recordedCount(row.clothingRemoved, row.clothingRecorded, "Removal of more than just outer clothing");
  return {
    arrestCount: arrests.count,
    arrestCountReason: arrests.reason,
    moreThanOuterClothingRemoved: clothing.count,
    moreThanOuterClothingRemovedReason: clothing.reason,
  };
}

@Resolver(() => Force)
export class ForceStopSearchResolver {
  @FieldResolver(() => StopSearchSummary, {
    nullable: true,
    description: "Stop and search over a period (months that start within it); null when none is loaded.",
  })
  async stopAndSearch(
    @Root() force: Force,
    @FromArg() from: Date,
    @ToArg() to: Date,
    @AsPublishedOnArg() asPublishedOn: Date | null,
    @Ctx() { loaders }: CrimePrioritiesContext,
  ): Promise<StopSearchSummary | null> {
    const period = checkPeriod(from, to, asPublishedOn);
    const [rows, coverageOf] = await Promise.all([
      loaders.stopSearch(period),
      loaders.coverage(period, "STOP_AND_SEARCH", "stop and search"),
    ]);
    const row = rows.get(force.id);
    if (!row) return null;
    const { searches, arrests, weaponSearches } = row;
    const qualityNotes = notesWithin(
      await loaders.implausibleMonths(period, STOP_SEARCH_MONTHS),
      force.id,
      new Set(monthsStartingWithin(period).map(isoDay)),
    );
    return {
      forceId: force.id,
      searches,
      arrests,
      weaponSearches,
      ...period,
      coverage: coverageOf(force.id),
      qualityNotes,
      ...optionalCounts(row),
      ...weaponFindRate(row.weaponFinds, row.weaponSearchesLinkRecorded, weaponSearches),
    };
  }
}

@Resolver(() => CrimePrioritySummary)
export class CrimePrioritySummaryResolver {
  /** The force's counts for the summary's period; without any coverage, every count null with its reason. */
  private async counts(summary: CrimePrioritySummary, { loaders }: CrimePrioritiesContext): Promise<ForceCrimeCounts> {
    const found = (await loaders.figures(summary)).get(summary.forceId);
    if (found) return found;
    const counts = Object.keys(CRIME_COUNTS) as CrimeCount[];
    const each = <T>(value: (count: CrimeCount) => T) =>
      Object.fromEntries(counts.map((count) => [count, value(count)])) as Record<CrimeCount, T>;
    return {
      forceId: summary.forceId,
      counts: each(() => null),
      coverage: each((count) => tileCoverage(summary, [], CRIME_COUNTS[count].label).coverage),
      units: each(() => []),
    };
  }

  /** Notes on the flagged street-file months a count of the summary was summed from. */
  private async notes(summary: CrimePrioritySummary, count: CrimeCount, context: CrimePrioritiesContext): Promise<string[]> {
    return qualityNotesOf(await this.counts(summary, context), count, await context.loaders.implausibleMonths(summary, STREET_MONTHS));
  }

  private async figure(summary: CrimePrioritySummary, count: CrimeCount, context: CrimePrioritiesContext): Promise<OffenceFigure> {
    const { counts, coverage } = await this.counts(summary, context);
    const offences = counts[count];
    const { population } = summary;
    return {
      offences,
      ratePer1000: population && offences !== null ? roundTo((offences / population.population) * 1000, RATE_PER_1000_PRECISION) : null,
      populationYear: population?.year ?? null,
      populationSource: population?.source ?? null,
      coverage: coverage[count],
      qualityNotes: await this.notes(summary, count, context),
    };
  }

  private async priority(summary: CrimePrioritySummary, priority: CrimePriority, context: CrimePrioritiesContext): Promise<PriorityCrime> {
    const { counts, coverage } = await this.counts(summary, context);
    const count = PRIORITY_COUNT[priority];
    const bothComplete = coverage[count].complete && coverage.recordedOffences.complete;
    return {
      priority,
      forceId: summary.forceId,
      period: { from: summary.from, to: summary.to, asPublishedOn: summary.asPublishedOn },
      ...(await this.figure(summary, count, context)),
      shareOfRecordedCrime:
        bothComplete && counts.recordedOffences ? roundTo(counts[count]! / counts.recordedOffences, SHARE_PLACES) : null,
    };
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "All offences recorded in the covered months of the period, flagged or not (offences); null when no source covers any of it.",
  })
  async recordedOffences(@Root() summary: CrimePrioritySummary, @Ctx() context: CrimePrioritiesContext) {
    return (await this.counts(summary, context)).counts.recordedOffences;
  }

  @FieldResolver(() => [String], {
    description:
      "Flagged months any figure of this summary is counted from (possibly partial submissions: a force-month under half the force's usual count), one note each; empty when none.",
  })
  async qualityNotes(@Root() summary: CrimePrioritySummary, @Ctx() context: CrimePrioritiesContext) {
    const notes = await Promise.all((Object.keys(CRIME_COUNTS) as CrimeCount[]).map((count) => this.notes(summary, count, context)));
    return [...new Set(notes.flat())];
  }

  @FieldResolver(() => Coverage, { description: "Months of the period that sources of all recorded crime cover." })
  async recordedOffencesCoverage(@Root() summary: CrimePrioritySummary, @Ctx() context: CrimePrioritiesContext) {
    return (await this.counts(summary, context)).coverage.recordedOffences;
  }

  @FieldResolver(() => OffenceFigure, {
    description:
      "Possession of weapons offences (any weapon: blades, firearms, other offensive weapons). Its own figure: not knife crime, which counts offences involving a knife or sharp instrument.",
  })
  possessionOfWeapons(@Root() summary: CrimePrioritySummary, @Ctx() context: CrimePrioritiesContext) {
    return this.figure(summary, "possessionOfWeapons", context);
  }

  @FieldResolver(() => [OutcomeCount], {
    description: "Outcomes assigned in the period to all recorded crime (data.police.uk outcomes files), most frequent first.",
  })
  async recordedCrimeOutcomes(@Root() summary: CrimePrioritySummary, @Ctx() { loaders }: CrimePrioritiesContext) {
    const rows = await loaders.outcomes.load({ forceId: summary.forceId, period: summary });
    return rows.filter((row) => row.priority === ALL_RECORDED_CRIME);
  }

  @FieldResolver(() => Coverage, {
    description:
      "Months of the period the loaded outcomes files cover: where none does, `recordedCrimeOutcomes` is empty for want of data, not for want of outcomes.",
  })
  async recordedCrimeOutcomesCoverage(@Root() summary: CrimePrioritySummary, @Ctx() { loaders }: CrimePrioritiesContext) {
    return (await loaders.coverage(summary, "RECORDED_CRIME_OUTCOMES", "outcomes of recorded crime"))(summary.forceId);
  }

  @FieldResolver(() => [Source], { description: "The import batches (files, or the synthetic sample) these figures are computed from." })
  sources(@Root() summary: CrimePrioritySummary, @Ctx() { loaders }: CrimePrioritiesContext) {
    return loaders.sources(summary, summary.forceId);
  }

  @FieldResolver(() => PriorityCrime, {
    description: "Offences involving a knife or sharp instrument (ONS / Home Office flag); never street data's possession of weapons.",
  })
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
