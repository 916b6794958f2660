import { Direction, rankValues } from "./ranking.ts";
import type { MeasureComparison, MeasureDefinition, MonthlyValue } from "./measure-types.ts";
import { describePopulations, type PopulationBasis } from "./population.ts";
import type { Source } from "../graphql/source.ts";

/** A measure with its one computation: the value of any set of forces from their figures, pooled. */
export interface Measure<F> extends MeasureDefinition {
  valueOf(members: F[]): number | null;
  /** A rate per resident: its comparisons say which populations it divided by. */
  perResident?: boolean;
}

export interface ComparisonInput<F> {
  forceId: string;
  /** Every force's figures for the period. */
  figures: Map<string, F>;
  yearEarlierFigures: Map<string, F>;
  regionForceIds: string[];
  mostSimilarGroupForceIds: string[];
  /** A group the caller named (e.g. a custom comparison group); none when empty. */
  groupForceIds?: string[];
  /** The force's figures month by month. */
  monthly: { month: Date; figures: F | undefined }[];
  /** Why the force has no value, when the caller knows better than "no data" (e.g. partial coverage). */
  unavailableReason?: string;
  /** The population each force's rates divide by, for measures per resident. */
  populations?: Map<string, PopulationBasis>;
  /** Notes on flagged months behind the values (partial submissions), as the caller found them. */
  qualityNotes?: string[];
  /** The batches the force's value is computed from. */
  sources?: Source[];
  /** Whether a figure the value uses from another subgraph (e.g. the officer strength it divides by) is synthetic. */
  syntheticInputs?: boolean;
}

/** What a caller asks of a comparison beyond the force and period. */
export interface ComparisonOptions {
  /** A group the caller named (e.g. a custom comparison group's members). */
  groupForceIds?: string[];
  /** Whether to form the monthly series and the year-earlier value (tables of figures need neither). */
  series?: boolean;
}

/** The populations behind the forces valued in the national figure, in words; null for a measure not per resident. */
function populationBasisOf<F>(measure: Measure<F>, input: ComparisonInput<F>, values: Map<string, number | null>): string | null {
  if (!measure.perResident || !input.populations) return null;
  const valued = [...values].filter(([, value]) => value !== null).map(([forceId]) => input.populations!.get(forceId));
  return describePopulations(valued.filter((basis): basis is PopulationBasis => basis !== undefined));
}

/** A value to so many decimal places: what is served, so no float noise (14.722500000000002) reaches a table or a CSV. */
export const roundTo = (value: number | null, places: number): number | null =>
  value === null ? null : Math.round(value * 10 ** places) / 10 ** places;

/** Shares (0-1) that are not a measure of their own (a share of recorded crime, a find rate, a relative change): four decimal places, as the share measures. */
export const SHARE_PLACES = 4;

/** FTE as the workforce tables are stored (numeric(14,5)): sums and differences to that many places carry no float noise and lose nothing. */
export const FTE_PLACES = 5;

const difference = (a: number | null, b: number | null, places: number) => (a === null || b === null ? null : roundTo(a - b, places));

/** The measure's value of a set of forces, to its precision (ranks and differences are taken on what is served). */
export function groupValue<F>(measure: Measure<F>, figures: Map<string, F>, forceIds: Iterable<string>): number | null {
  const members = [...forceIds].map((id) => figures.get(id)).filter((member): member is F => member !== undefined);
  return members.length ? roundTo(measure.valueOf(members), measure.precision) : null;
}

/** The measure's value of one force's figures, to its precision: a month of a series. */
export const figuresValue = <F>(measure: Measure<F>, figures: F | undefined) =>
  figures ? roundTo(measure.valueOf([figures]), measure.precision) : null;

export function forceValue<F>(measure: Measure<F>, figures: Map<string, F>, forceId: string): number | null {
  return groupValue(measure, figures, [forceId]);
}

/** Values of every force with figures, and their ranks (1 = best in the measure's direction). */
export function leagueTable<F>(measure: Measure<F>, figures: Map<string, F>) {
  const values = new Map([...figures.keys()].map((id) => [id, forceValue(measure, figures, id)]));
  const ranks = rankValues(values, measure.direction);
  return { values, ranks, forcesRanked: ranks.size };
}

export function compareMeasure<F>(measure: Measure<F>, input: ComparisonInput<F>): MeasureComparison {
  const { values, ranks, forcesRanked } = leagueTable(measure, input.figures);
  const value = values.get(input.forceId) ?? null;
  const national = groupValue(measure, input.figures, input.figures.keys());
  const mostSimilarGroup = input.mostSimilarGroupForceIds.length
    ? groupValue(measure, input.figures, input.mostSimilarGroupForceIds)
    : null;
  const yearEarlier = forceValue(measure, input.yearEarlierFigures, input.forceId);
  const monthly: MonthlyValue[] = input.monthly.map(({ month, figures }) => ({ month, value: figuresValue(measure, figures) }));
  return {
    measure,
    value,
    unavailableReason:
      value !== null
        ? null
        : (input.unavailableReason ??
          (input.figures.has(input.forceId)
            ? "Too few records in the period to compute this measure"
            : "No data from this force for the period")),
    national,
    forcesInNational: [...values.values()].filter((forceValue) => forceValue !== null).length,
    region: groupValue(measure, input.figures, input.regionForceIds),
    mostSimilarGroup,
    group: input.groupForceIds?.length ? groupValue(measure, input.figures, input.groupForceIds) : null,
    rank: ranks.get(input.forceId) ?? null,
    forcesRanked,
    differenceFromNational: difference(value, national, measure.precision),
    differenceFromMostSimilarGroup: difference(value, mostSimilarGroup, measure.precision),
    yearEarlier,
    changeFromYearEarlier: value !== null && yearEarlier ? roundTo((value - yearEarlier) / yearEarlier, SHARE_PLACES) : null,
    monthly,
    covered: input.figures.has(input.forceId),
    populationBasis: populationBasisOf(measure, input, values),
    qualityNotes: input.qualityNotes ?? [],
    sources: input.sources ?? [],
    synthetic: !!input.syntheticInputs || (input.sources ?? []).some((source) => source.synthetic),
  };
}

export { Direction };
