import * as Plot from "@observablehq/plot";
import { useEffect, useRef, useState } from "react";
import type { AnswerTable } from "../../answer-table/answer-table.ts";
import { chartSpec, measureColumns, type ChartSpec } from "./chart-spec.ts";
import { ListPicker } from "./ListPicker.tsx";
import { useAnswerTable } from "./use-answer-table.ts";

type Datum = { x: unknown; y: number | null; series?: unknown; [reference: string]: unknown };

function plotOf(table: AnswerTable, spec: ChartSpec, width: number): Element {
  const data: Datum[] = table.rows.map((row) => ({
    x: spec.kind === "line" ? new Date(String(row[spec.x])) : row[spec.x],
    y: row[spec.y] as number | null,
    series: spec.series === undefined ? undefined : row[spec.series],
    ...Object.fromEntries(spec.references.map((reference) => [reference.label, row[reference.column]])),
  }));
  const withValue = data.filter((datum) => datum.y !== null);
  const references = spec.references.flatMap(({ label, constant }, index) => {
    const style = { stroke: ["#d4351c", "#00703c"][index % 2], strokeDasharray: "6,4" };
    if (constant !== undefined) return [Plot.ruleY([constant], style), Plot.text([constant], { y: (value: number) => value, frameAnchor: "right", dy: -6, text: () => label, fill: style.stroke })];
    return spec.kind === "bar" ? [Plot.tickY(data, { x: "x", y: label, ...style, strokeWidth: 2 })] : [Plot.line(data, { x: "x", y: label, z: "series", ...style })];
  });
  const marks =
    spec.kind === "bar"
      ? [Plot.barY(withValue, { x: "x", y: "y", fill: "#1d70b8", sort: { x: "-y" }, tip: true })]
      : [Plot.line(data, { x: "x", y: "y", z: "series", stroke: spec.series === undefined ? "#1d70b8" : "series" }), Plot.dot(withValue, { x: "x", y: "y", fill: spec.series === undefined ? "#1d70b8" : "series", r: 3, tip: true })];
  return Plot.plot({
    width,
    marginLeft: 70,
    marginBottom: spec.kind === "bar" ? 140 : 40,
    x: spec.kind === "bar" ? { label: table.columns[spec.x], tickRotate: -60 } : { label: table.columns[spec.x], type: "utc" },
    y: { label: table.columns[spec.y], grid: true, zero: spec.kind === "bar" },
    color: spec.series === undefined ? undefined : { legend: true },
    marks: [...marks, ...references, Plot.ruleY([0])],
  });
}

/** The latest answer as a chart: a line over months, a bar per force or measure, national and most-similar-group values as reference lines. */
export function ChartPanel() {
  const { lists, list, choose, table } = useAnswerTable();
  const [measure, setMeasure] = useState<string>();
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
  if (!table || !spec) return <p className="hub-empty">Run a query whose answer has a list (forces, a league table, a monthly series) to chart it.</p>;
  return (
    <div className="hub-panel">
      <div className="hub-panel-bar">
        <ListPicker lists={lists} list={list} choose={choose} />
        {!("reason" in spec) && (
          <label className="hub-picker">
            Measure{" "}
            <select aria-label="Measure" value={table.columns[spec.y]} onChange={(event) => setMeasure(event.target.value)}>
              {measureColumns(table).map((index) => <option key={index} value={table.columns[index]}>{table.columns[index]}</option>)}
            </select>
          </label>
        )}
      </div>
      {"reason" in spec ? <p className="hub-empty">{spec.reason}</p> : <div ref={holder} className="hub-chart" />}
      {!("reason" in spec) && spec.rowsWithoutValue > 0 && <p className="hub-note">{spec.rowsWithoutValue} rows have no value (no data for the period) and are not drawn.</p>}
    </div>
  );
}
