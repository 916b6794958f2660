import type { CatalogueMeasure, FigureRow } from "./types.ts";

type Cell = string | number | boolean | null | undefined;

const cell = (value: Cell) => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (header: string[], rows: Cell[][]) => [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";

/** The tidy rows as served (values already to their measure's precision), one line each, with provenance columns. */
export function figuresCsv(rows: FigureRow[], measures: CatalogueMeasure[]): string {
  const nameOf = (id: string) => measures.find((measure) => measure.id === id)?.name ?? id;
  return csv(
    [
      "force_id",
      "force_name",
      "measure_id",
      "measure_name",
      "period_from",
      "period_to",
      "value",
      "unit",
      "coverage_complete",
      "coverage_reason",
      "synthetic",
      "sources",
      "quality_notes",
      "national",
      "region",
      "most_similar_group",
      "rank",
      "forces_ranked",
      "population_basis",
    ],
    rows.map((row) => [
      row.force.id,
      row.force.name,
      row.measure.id,
      nameOf(row.measure.id),
      row.periodFrom,
      row.periodTo,
      row.value,
      row.unit,
      row.coverage.complete,
      row.coverage.reason,
      row.synthetic,
      row.sources
        .map((source) => (source.synthetic ? "synthetic sample" : `${source.kind}: ${source.file} (published ${source.publishedOn})`))
        .join("; "),
      row.qualityNotes.join("; "),
      row.national,
      row.region,
      row.mostSimilarGroup,
      row.rank,
      row.forcesRanked,
      row.populationBasis,
    ]),
  );
}

/** The measures' definitions: the second file every download comes with. */
export function definitionsCsv(measures: CatalogueMeasure[]): string {
  return csv(
    ["measure_id", "name", "unit", "precision", "direction", "group_value", "definition", "source_kinds"],
    measures.map((measure) => [
      measure.id,
      measure.name,
      measure.unit,
      measure.precision,
      measure.direction,
      measure.groupValue,
      measure.definition,
      measure.sourceKinds.join("; "),
    ]),
  );
}

export function download(fileName: string, text: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
