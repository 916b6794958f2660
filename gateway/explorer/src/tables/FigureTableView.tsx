import { useState } from "react";
import { Footnotes } from "./footnotes.ts";
import { periodLabel, type Interval } from "./periods.ts";
import type { CatalogueMeasure, FigureRow } from "./types.ts";

export const formatValue = (value: number, precision: number) =>
  value.toLocaleString("en-GB", { minimumFractionDigits: precision, maximumFractionDigits: precision });

type Sort = { column: string; descending: boolean };

/** A group's value below the forces (England and Wales, a region, a most similar group), read from the period's rows. */
export interface ReferenceRow {
  label: string;
  value: (periodRows: FigureRow[]) => number | null;
}

/** A value with its markers: [x] for none, a footnote number for a reason or quality note, [s] for the synthetic sample. */
function ValueCell({ row, precision, notes }: { row: FigureRow | undefined; precision: number; notes: Footnotes }) {
  if (!row) return <td className="number">[x]</td>;
  const marks = [...(row.value === null && row.coverage.reason ? [row.coverage.reason] : []), ...row.qualityNotes].map((note) =>
    notes.number(note),
  );
  return (
    <td className={`number${row.synthetic && row.value !== null ? " synthetic" : ""}`}>
      {row.value === null ? "[x]" : formatValue(row.value, precision)}
      {row.synthetic && row.value !== null && <abbr title="synthetic sample: not a published figure"> [s]</abbr>}
      {marks.length > 0 && <sup>{marks.join(",")}</sup>}
    </td>
  );
}

function sortForces(forces: { id: string; name: string }[], cells: Map<string, FigureRow>, sort: Sort) {
  const value = (forceId: string) => cells.get(`${forceId}|${sort.column}`)?.value ?? null;
  const sorted = [...forces].sort((a, b) => {
    if (sort.column === "force") return a.name.localeCompare(b.name);
    const [x, y] = [value(a.id), value(b.id)];
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return x - y;
  });
  // Forces with no value stay last whichever way the column is sorted.
  if (!sort.descending) return sorted;
  const valued = sorted.filter((force) => sort.column === "force" || value(force.id) !== null).reverse();
  return [...valued, ...sorted.filter((force) => !valued.includes(force))];
}

/** One measure's table: forces down, periods across, group values below, sortable by any column, with its footnotes. */
export function MeasureTable({
  measure,
  rows,
  interval,
  references,
}: {
  measure: CatalogueMeasure;
  rows: FigureRow[];
  interval: Interval;
  references: ReferenceRow[];
}) {
  const [sort, setSort] = useState<Sort>({ column: "force", descending: false });
  const periods = [...new Map(rows.map((row) => [row.periodFrom, row.periodTo]))];
  const forces = [...new Map(rows.map((row) => [row.force.id, row.force]))].map(([, force]) => force);
  const cells = new Map(rows.map((row) => [`${row.force.id}|${row.periodFrom}`, row]));
  const notes = new Footnotes();
  const sources = new Map(
    rows
      .filter((row) => row.value !== null)
      .flatMap((row) => row.sources)
      .map((source) => [
        source.synthetic
          ? "synthetic sample (generated, not published)"
          : `${source.kind}: ${source.file}, published ${source.publishedOn}`,
        true,
      ]),
  );
  const header = (column: string, label: React.ReactNode) => {
    const active = sort.column === column;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}>
        <button type="button" className="sort" onClick={() => setSort({ column, descending: active ? !sort.descending : false })}>
          {label} {active ? (sort.descending ? "▼" : "▲") : ""}
        </button>
      </th>
    );
  };
  return (
    <section className="measure-table">
      <h3>
        {measure.name} <span className="unit">({measure.unit})</span>
      </h3>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              {header("force", "Force")}
              {periods.map(([from, to]) =>
                header(
                  from,
                  <>
                    {periodLabel(interval, from, to)}
                    <br />
                    <small>{measure.unit}</small>
                  </>,
                ),
              )}
              {periods.length === 1 && (
                <th scope="col">
                  Rank
                  <br />
                  <small>of {rows[0]?.forcesRanked ?? 0}, 1 = best</small>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {sortForces(forces, cells, sort).map((force) => (
              <tr key={force.id}>
                <th scope="row">{force.name}</th>
                {periods.map(([from]) => (
                  <ValueCell key={from} row={cells.get(`${force.id}|${from}`)} precision={measure.precision} notes={notes} />
                ))}
                {periods.length === 1 && <td className="number">{cells.get(`${force.id}|${periods[0][0]}`)?.rank ?? "[x]"}</td>}
              </tr>
            ))}
          </tbody>
          <tfoot>
            {references.map((reference) => (
              <tr key={reference.label}>
                <th scope="row">{reference.label}</th>
                {periods.map(([from]) => {
                  const value = reference.value(rows.filter((row) => row.periodFrom === from));
                  return (
                    <td key={from} className="number">
                      {value === null ? "[x]" : formatValue(value, measure.precision)}
                    </td>
                  );
                })}
                {periods.length === 1 && <td />}
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
      <ol className="footnotes" aria-label={`Notes on ${measure.name}`}>
        {notes.list().map(([number, text]) => (
          <li key={number} value={number}>
            {text}
          </li>
        ))}
      </ol>
      <p className="sources">
        Sources: {[...sources.keys()].join("; ") || "none"}. [x]: no figure (see the note). Group values are formed as follows:{" "}
        {measure.groupValue}
      </p>
    </section>
  );
}
