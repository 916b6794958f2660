import * as Plot from "@observablehq/plot";
import { useEffect, useRef, useState } from "react";
import type { AnswerTable } from "../../answer-table/answer-table.ts";
import { chartSpec, measureColumns, type ChartSpec } from "./chart-spec.ts";
import { ListPicker } from "./ListPicker.tsx";
import { useAnswerTable } from "./use-answer-table.ts";
import { rememberInAddress, sharedOperation } from "./share-link.ts";

type Datum = { x: unknown; y: number | null; series?: unknown; [reference: string]: unknown };

const FORCE_BLUE = "#1d70b8";
const REFERENCE_COLOURS = ["#d4351c", "#00703c", "#4c2c92", "#505a5f"];

/** The force against region, most similar group, group and national: a labelled bar each, values printed on them. */
function comparisonPlot(spec: ChartSpec, width: number): Element {
  const bars = spec.bars ?? [];
  // Horizontal bars: the labels stay readable however narrow the pane is.
  return Plot.plot({
    width,
    title: spec.title,
    marginLeft: 140,
    marginRight: 60,
    height: 60 + bars.length * 36,
    y: { label: null, domain: bars.map((bar) => bar.label) },
    x: { label: spec.unit ?? null, grid: true, zero: true },
    marks: [
      Plot.barX(bars, { y: "label", x: "value", fill: (_bar: unknown, index: number) => (index === 0 ? FORCE_BLUE : "#b1b4b6") }),
      Plot.text(bars, { y: "label", x: "value", text: (bar: { value: number }) => String(bar.value), dx: 4, textAnchor: "start" }),
      Plot.ruleX([0]),
    ],
  });
}

/** Reference values the same on every row are rules labelled at alternate ends and heights, so close values never print over each other. */
const ruleLabelPlacement = (index: number) => ({
  frameAnchor: index % 2 ? ("left" as const) : ("right" as const),
  dy: index < 2 ? -6 : 12,
});

function plotOf(table: AnswerTable, spec: ChartSpec, width: number): Element {
  if (spec.kind === "comparison") return comparisonPlot(spec, width);
  const data: Datum[] = table.rows.map((row) => ({
    x: spec.kind === "line" ? new Date(String(row[spec.x])) : row[spec.x],
    y: row[spec.y] as number | null,
    series: spec.series === undefined ? undefined : row[spec.series],
    ...Object.fromEntries(spec.references.map((reference) => [reference.label, row[reference.column]])),
  }));
  const withValue = data.filter((datum) => datum.y !== null);
  const references = spec.references.flatMap(({ label, constant }, index) => {
    const style = { stroke: REFERENCE_COLOURS[index % REFERENCE_COLOURS.length], strokeDasharray: "6,4" };
    if (constant !== undefined)
      return [
        Plot.ruleY([constant], style),
        Plot.text([constant], {
          y: (value: number) => value,
          ...ruleLabelPlacement(index),
          text: () => `${label} ${constant}`,
          fill: style.stroke,
        }),
      ];
    return spec.kind === "bar"
      ? [Plot.tickY(data, { x: "x", y: label, ...style, strokeWidth: 2 })]
      : [Plot.line(data, { x: "x", y: label, z: "series", ...style })];
  });
  const marks =
    spec.kind === "bar"
      ? [Plot.barY(withValue, { x: "x", y: "y", fill: FORCE_BLUE, sort: { x: "-y" }, tip: true })]
      : [
          Plot.line(data, { x: "x", y: "y", z: "series", stroke: spec.series === undefined ? FORCE_BLUE : "series" }),
          Plot.dot(withValue, { x: "x", y: "y", fill: spec.series === undefined ? FORCE_BLUE : "series", r: 3, tip: true }),
        ];
  return Plot.plot({
    width,
    title: spec.title,
    marginLeft: 70,
    marginBottom: spec.kind === "bar" ? 140 : 40,
    x: spec.kind === "bar" ? { label: table.columns[spec.x], tickRotate: -60 } : { label: table.columns[spec.x], type: "utc" },
    y: { label: spec.unit ?? table.columns[spec.y], grid: true, zero: spec.kind === "bar" },
    color: spec.series === undefined ? undefined : { legend: true },
    marks: [...marks, ...references, Plot.ruleY([0])],
  });
}

/** The latest answer as a chart, titled: a line over months, a bar per force or measure with group values as reference lines, or one force against its groups as bars. */
export function ChartPanel() {
  const { lists, list, choose, table } = useAnswerTable();
  const [measure, setMeasure] = useState<string | undefined>(() => sharedOperation().measure);
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const spec = table && chartSpec(table, measure);
  // Drawn again at the pane's width whenever the analyst drags it wider or narrower.
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [holder.current]);
  useEffect(() => {
    const element = holder.current;
    if (!element || !table || !spec || "reason" in spec) return;
    const plot = plotOf(table, spec, Math.max(width, 360));
    element.replaceChildren(plot);
    return () => plot.remove();
  }, [table, spec && JSON.stringify(spec), width]);
  if (!table || !spec)
    return <p className="hub-empty">Run a query whose answer has a list (forces, a league table, a monthly series) to chart it.</p>;
  return (
    <div className="hub-panel">
      <div className="hub-panel-bar">
        <ListPicker lists={lists} list={list} choose={choose} />
        {!("reason" in spec) && (
          <label className="hub-picker">
            Measure{" "}
            <select
              aria-label="Measure"
              value={table.columns[spec.y]}
              onChange={(event) => {
                setMeasure(event.target.value);
                rememberInAddress({ measure: event.target.value });
              }}
            >
              {measureColumns(table).map((index) => (
                <option key={index} value={table.columns[index]}>
                  {table.columns[index]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {"reason" in spec ? <p className="hub-empty">{spec.reason}</p> : <div ref={holder} className="hub-chart" />}
      {!("reason" in spec) && spec.rowsWithoutValue > 0 && (
        <p className="hub-note">{spec.rowsWithoutValue} rows have no value (no data for the period) and are not drawn.</p>
      )}
    </div>
  );
}
