import { isoDay, type Period } from "../graphql/period.ts";
import type { Interval } from "./interval.ts";
import type { MeasureId } from "./measure-id.ts";

/** What a table of figures asks for: it keys the FigureTable entity, so every subgraph reads the same request. */
export interface FigureRequest {
  measureIds: MeasureId[];
  /** Forces to give rows for; every force when null. */
  forceIds: string[] | null;
  span: Period;
  interval: Interval;
}

export function figureTableId({ measureIds, forceIds, span, interval }: FigureRequest): string {
  return JSON.stringify({
    measureIds,
    forceIds,
    from: isoDay(span.from),
    to: isoDay(span.to),
    asPublishedOn: span.asPublishedOn ? isoDay(span.asPublishedOn) : null,
    interval,
  });
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The key as figureTableId writes it. */
interface FigureTableKey {
  measureIds: MeasureId[];
  forceIds: string[] | null;
  from: string;
  to: string;
  asPublishedOn: string | null;
  interval: Interval;
}

export function parseFigureTableId(id: string): FigureRequest {
  const { measureIds, forceIds, from, to, asPublishedOn, interval } = JSON.parse(id) as FigureTableKey;
  return {
    measureIds,
    forceIds,
    interval,
    span: asPublishedOn ? { from: day(from), to: day(to), asPublishedOn: day(asPublishedOn) } : { from: day(from), to: day(to) },
  };
}
