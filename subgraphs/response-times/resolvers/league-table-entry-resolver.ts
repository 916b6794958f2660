import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { MonthlyValue } from "../../shared/measures/measure-types.ts";
import { figuresValue } from "../../shared/measures/compare.ts";
import type { ResponseTimesContext } from "../loaders.ts";
import { findMeasure, monthlySeries } from "../measure-figures.ts";
import { LeagueTableEntry } from "../schema/league-table-entry.ts";
import { Source } from "../../shared/graphql/source.ts";
import { isoDay, monthsStartingWithin } from "../../shared/graphql/period.ts";
import { notesWithin } from "../../shared/ingest/plausibility.ts";

@Resolver(() => LeagueTableEntry)
export class LeagueTableEntryResolver {
  @FieldResolver(() => [Source], { description: "The import batches (files, or the synthetic sample) the force's value is computed from." })
  sources(@Root() entry: LeagueTableEntry, @Ctx() { loaders }: ResponseTimesContext): Promise<Source[]> {
    return loaders.measureSources(entry.period, findMeasure(entry.measureId)!.coverage, entry.force.id);
  }

  @FieldResolver(() => Boolean, {
    description: "True when the force's value rests, wholly or partly, on the synthetic sample: not a published figure.",
  })
  async synthetic(@Root() entry: LeagueTableEntry, @Ctx() context: ResponseTimesContext): Promise<boolean> {
    return (await this.sources(entry, context)).some((source) => source.synthetic);
  }

  @FieldResolver(() => [String], {
    description:
      "Flagged months of the force's period (possibly partial submissions: a force-month under half the force's usual count), one note each; empty when none. A value built on such a month ranks as it is, but says so.",
  })
  async qualityNotes(@Root() entry: LeagueTableEntry, @Ctx() { loaders }: ResponseTimesContext): Promise<string[]> {
    const sourced = findMeasure(entry.measureId)!;
    return notesWithin(
      await loaders.implausibleMonths(entry.period, sourced.check),
      entry.force.id,
      new Set(monthsStartingWithin(entry.period).map(isoDay)),
    );
  }

  @FieldResolver(() => [MonthlyValue], {
    description: "The force's value month by month: a force × month league table (figures for all forces are fetched together).",
  })
  async monthly(@Root() entry: LeagueTableEntry, @Ctx() { loaders }: ResponseTimesContext): Promise<MonthlyValue[]> {
    const sourced = findMeasure(entry.measureId)!;
    const series = await monthlySeries(sourced, loaders, entry.period, entry.force.id);
    return series.map(({ month, figures }) => ({ month, value: figuresValue(sourced.measure, figures) }));
  }
}
