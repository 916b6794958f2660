import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { MonthlyValue } from "../../shared/measures/measure-types.ts";
import type { ResponseTimesContext } from "../loaders.ts";
import { findMeasure, monthlySeries } from "../measure-figures.ts";
import { LeagueTableEntry } from "../schema/league-table-entry.ts";

@Resolver(() => LeagueTableEntry)
export class LeagueTableEntryResolver {
  @FieldResolver(() => [MonthlyValue], { description: "The force's value month by month: a force × month league table (figures for all forces are fetched together)." })
  async monthly(@Root() entry: LeagueTableEntry, @Ctx() { loaders }: ResponseTimesContext): Promise<MonthlyValue[]> {
    const sourced = findMeasure(entry.measureId)!;
    const series = await monthlySeries(sourced, loaders, entry.period, entry.force.id);
    return series.map(({ month, figures }) => ({ month, value: figures ? sourced.measure.valueOf([figures]) : null }));
  }
}
