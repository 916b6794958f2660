import { FieldReader } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import { isSpreadsheet } from "../../shared/ingest/spreadsheet.ts";
import { readPopulationTable } from "./population-table.ts";

type EstimateRow = [forceId: string, year: number, population: number];

/** ONS shorthand for a cell with no figure. */
const NO_FIGURE = new Set(["..", "-", "[x]", "na", "n/a"]);
/** Mid-year estimates the hub takes: from the first after the 2011 census to next year's. */
const FIRST_YEAR = 2011;

/** A mid-year estimate's year, from the first after the census to next year's; undefined for anything else. */
function estimateYear(text: string): number | undefined {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  return year >= FIRST_YEAR && year <= new Date().getUTCFullYear() + 1 ? year : undefined;
}

/**
 * ONS mid-year population estimates by police force area: the denominators of rates by year (a rate
 * uses the estimate of the year its period starts in). Each force × year is one unit: a later file
 * replaces it; regions, countries and British Transport Police are skipped by name or code.
 */
export const onsPopulationImporter: Importer<EstimateRow, Map<string, number>> = {
  kind: "ons-population",
  subgraph: "forces",
  description: "ONS mid-year population estimates by police force area (the published table, .xlsx/.ods or CSV; or Force,Year,Population)",
  matches: (fileName) => /\.csv$/i.test(fileName) || isSpreadsheet(fileName),
  read: readPopulationTable,
  prepare: async () => new Map(),
  parse(fields, { file, line, forces, lookup: seen }) {
    const reader = new FieldReader(fields, file, line);
    const forceId = reader.force("Force", forces, reader.text("Force code", { optional: true }), reader.text("Force"));
    const yearText = reader.text("Year");
    const year =
      yearText === null ? null : (estimateYear(yearText) ?? reader.fail("Year", `a year from ${FIRST_YEAR} to next year`, yearText));
    const populationText = reader.text("Population");
    if (populationText && NO_FIGURE.has(populationText.toLowerCase()) && !reader.errors.length)
      return { skip: `no figure published (${populationText})` };
    const population = reader.count("Population");
    if (population === 0) reader.fail("Population", "a force area's population is more than 0", populationText);
    const key = `${forceId}|${year}`;
    if (forceId && year && seen.has(key))
      reader.fail("Year", `a second estimate for this force and year (first on line ${seen.get(key)})`, yearText);
    const parsed = reader.result((): EstimateRow => [forceId!, year!, population!]);
    if ("row" in parsed) seen.set(key, line);
    return parsed;
  },
  scopeOf: (row) => `${row[0]}|${row[1]}`,
  table: { table: "forces.population_estimate", periodOfRow: "make_date(t.year, 6, 30)" },
  async replaceScopes(sql, scopes, batchId) {
    const rows = await sql.query<{ batch_id: number }>(
      `WITH gone AS (
         DELETE FROM forces.population_estimate t USING unnest($1::text[]) AS s(scope)
         WHERE t.force_id || '|' || t.year = s.scope AND t.batch_id <> $2 RETURNING t.batch_id)
       SELECT DISTINCT batch_id FROM gone`,
      [scopes, batchId],
    );
    return rows.map((row) => row.batch_id);
  },
  open: (sql, batchId) =>
    chunkWriter((rows) =>
      sql.query(
        `INSERT INTO forces.population_estimate (force_id, year, population, batch_id) SELECT *, $4 FROM unnest($1::text[], $2::int[], $3::int[])`,
        [rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2]), batchId],
      ),
    ),
};
