import * as Plot from "@observablehq/plot";
import { useEffect, useRef, useState } from "react";
import { formatValue } from "./FigureTableView.tsx";
import { periodLabel, type Interval } from "./periods.ts";
import type { CatalogueMeasure, FigureRow } from "./types.ts";

const FORCE_BLUE = "#1d70b8";
const GROUP_GREY = "#505a5f";
const MOST_LINES = 8;
/** Labels readable on a 1280 px screen (Plot's default is 10 px). */
const STYLE = { fontSize: "13px" };

export interface ChartReference {
  label: string;
  value: (periodRows: FigureRow[]) => number | null;
}

interface ChartProps {
  kind: "compare" | "trend";
  measure: CatalogueMeasure;
  rows: FigureRow[];
  interval: Interval;
  forcesDescription: string;
  /** The force the chart is about when there is one (a force with its groups): its bar comes first. */
  anchorForceId?: string;
  references: ChartReference[];
}

type Bar = { label: string; value: number; synthetic: boolean; kind: "force" | "group" };

/** One period: the force (or each force) and the groups, as labelled horizontal bars; a synthetic value says so in its label. */
function comparePlot({ measure, rows, interval, forcesDescription, anchorForceId, references }: ChartProps, period: string, width: number) {
  const periodRows = rows.filter((row) => row.periodFrom === period);
  const forces = periodRows
    .filter((row) => row.value !== null && (!anchorForceId || row.force.id === anchorForceId))
    .sort((a, b) => b.value! - a.value!);
  const bars: Bar[] = [
    ...forces.map((row) => ({ label: row.force.name, value: row.value!, synthetic: row.synthetic, kind: "force" as const })),
    ...references.flatMap((reference) => {
      const value = reference.value(periodRows);
      return value === null
        ? []
        : [{ label: reference.label, value, synthetic: periodRows.some((row) => row.synthetic), kind: "group" as const }];
    }),
  ];
  const to = periodRows[0]?.periodTo ?? period;
  return Plot.plot({
    width,
    style: STYLE,
    title: `${measure.name} (${measure.unit}), ${periodLabel(interval, period, to)}, ${forcesDescription}`,
    marginLeft: 260,
    marginRight: 140,
    height: 70 + bars.length * 34,
    y: { label: null, domain: bars.map((bar) => bar.label) },
    x: { label: measure.unit, grid: true, zero: true },
    marks: [
      Plot.barX(bars, {
        y: "label",
        x: "value",
        fill: (bar: Bar) => (bar.kind === "force" ? FORCE_BLUE : GROUP_GREY),
        fillOpacity: (bar: Bar) => (bar.synthetic ? 0.6 : 1),
      }),
      Plot.text(bars, {
        y: "label",
        x: "value",
        text: (bar: Bar) => `${formatValue(bar.value, measure.precision)}${bar.synthetic ? " (synthetic)" : ""}`,
        dx: 4,
        textAnchor: "start",
      }),
      Plot.ruleX([0]),
    ],
  });
}

/** Periods along, a line per force (up to eight) and England and Wales dashed; every point labelled at the line's end. */
function trendPlot({ measure, rows, interval, forcesDescription, references }: ChartProps, width: number) {
  const periods = [...new Set(rows.map((row) => row.periodFrom))].sort();
  const forceIds = [...new Set(rows.map((row) => row.force.id))];
  const lines = forceIds.length <= MOST_LINES ? rows.filter((row) => row.value !== null) : [];
  const groupPoints = references.flatMap((reference) =>
    periods
      .map((period) => ({
        label: reference.label,
        period: new Date(period),
        value: reference.value(rows.filter((row) => row.periodFrom === period)),
      }))
      .filter((point) => point.value !== null),
  );
  const forcePoints = lines.map((row) => ({
    label: row.force.name,
    period: new Date(row.periodFrom),
    value: row.value,
    synthetic: row.synthetic,
  }));
  const last = (points: { label: string; period: Date }[]) => [...new Map(points.map((point) => [point.label, point])).values()];
  const span = `${periodLabel(interval, periods[0], rows.find((row) => row.periodFrom === periods[0])!.periodTo)} to ${periodLabel(interval, periods[periods.length - 1], rows.find((row) => row.periodFrom === periods[periods.length - 1])!.periodTo)}`;
  return Plot.plot({
    width,
    style: STYLE,
    title: `${measure.name} (${measure.unit}), ${span}, ${forcesDescription}${lines.length ? "" : " (more than eight forces: groups only)"}`,
    marginLeft: 60,
    marginRight: 240,
    x: { label: null, type: "utc" },
    y: { label: measure.unit, grid: true },
    color: { legend: false },
    marks: [
      Plot.line(forcePoints, { x: "period", y: "value", z: "label", stroke: "label" }),
      Plot.dot(forcePoints, { x: "period", y: "value", fill: "label", r: 3, tip: true }),
      Plot.line(groupPoints, { x: "period", y: "value", z: "label", stroke: GROUP_GREY, strokeDasharray: "6,4" }),
      Plot.text(last(forcePoints), { x: "period", y: "value", text: "label", dx: 6, textAnchor: "start", fill: "label" }),
      Plot.text(last(groupPoints), { x: "period", y: "value", text: "label", dx: 6, textAnchor: "start", fill: GROUP_GREY }),
    ],
  });
}

/** The chart of one measure, drawn at the page's width (1280 px screens included). */
export function FigureChart(props: ChartProps) {
  const periods = [...new Set(props.rows.map((row) => row.periodFrom))].sort();
  const [period, setPeriod] = useState(periods[periods.length - 1]);
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element || !props.rows.length) return;
    const width = Math.min(element.clientWidth || 1000, 1200);
    const plot =
      props.kind === "compare"
        ? comparePlot(props, periods.includes(period) ? period : periods[periods.length - 1], width)
        : trendPlot(props, width);
    element.replaceChildren(plot);
  });
  return (
    <div className="chart">
      {props.kind === "compare" && periods.length > 1 && (
        <label>
          Period{" "}
          <select aria-label="Period" value={period} onChange={(event) => setPeriod(event.target.value)}>
            {periods.map((from) => (
              <option key={from} value={from}>
                {periodLabel(props.interval, from, props.rows.find((row) => row.periodFrom === from)!.periodTo)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div ref={holder} className="plot" />
    </div>
  );
}
