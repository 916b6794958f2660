import type { SqlClient } from "../../shared/database/open.ts";
import { RECORDED_OFFENCE } from "./recorded-offence-table.ts";
import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import { isoDay, lastDayOfMonth } from "../../shared/graphql/period.ts";
import { unitScope } from "../../shared/ingest/scope.ts";
import { readKnifeCrimeTable } from "./knife-crime-table.ts";
import { isSpreadsheet } from "../../shared/ingest/spreadsheet.ts";

type KnifeCrimeRow = [forceId: string, periodStart: Date, periodEnd: Date, offences: number];
/** The force and period start of each figure already read in this file, with its line. */
type FiguresRead = Map<string, number>;

/** ONS shorthand for a cell with no figure: [x] not available, [c] confidential, [z] not applicable; "..", "NA" and "-" in older tables. */
const NO_FIGURE: Record<string, string> = {
  "[x]": "not available",
  "[c]": "confidential",
  "[z]": "not applicable",
  "..": "not available",
  na: "not available",
  "-": "not published",
};

/** A period's first day (from YYYY-MM or YYYY-MM-DD, which must be the 1st) or last day (YYYY-MM, or the month's last day). */
function periodBound(reader: FieldReader, column: string, edge: "start" | "end"): Date | null {
  const text = reader.text(column);
  if (text === null) return null;
  if (/^\d{4}-\d{2}$/.test(text)) {
    const month = reader.month(column, hubDateBounds());
    return month && edge === "end" ? lastDayOfMonth(month) : month;
  }
  const day = reader.day(column, hubDateBounds());
  if (!day) return null;
  const expected = edge === "start" ? new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)) : lastDayOfMonth(day);
  return isoDay(day) === isoDay(expected)
    ? day
    : reader.fail(column, `a period ${edge}s on the ${edge === "start" ? "first" : "last"} day of a month`, text);
}

/** Whole months from the first day to the last, 1 to 12 of them. */
function checkSpan(reader: FieldReader, start: Date | null, end: Date | null): void {
  if (!start || !end) return;
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
  if (months < 1 || months > 12) reader.fail("Period end", `a period runs 1 to 12 whole months (this one ${months})`, isoDay(end));
}

/**
 * Police recorded offences involving a knife or sharp instrument, by police force area and period
 * (ONS, from the Home Office Annual Data Requirement): the only source of the knife crime measure.
 * Each period is one unit of time, usually 12 months, so a query cutting through it gets no figure.
 */
export const onsKnifeCrimeImporter: Importer<KnifeCrimeRow, FiguresRead> = {
  kind: "ons-knife-crime",
  subgraph: "crime-priorities",
  description:
    "Offences involving a knife or sharp instrument by police force area (ONS police force area tables, .xlsx/.ods as published or CSV; or Force,Period start,Period end,Offences)",
  matches: (fileName) => /\.csv$/i.test(fileName) || isSpreadsheet(fileName),
  read: readKnifeCrimeTable,
  prepare: async () => new Map(),
  parse(fields, { file, line, forces, lookup: figuresRead }) {
    const reader = new FieldReader(fields, file, line);
    const forceId = reader.force("Force", forces, reader.text("Force"), reader.text("Force code", { optional: true }));
    const start = periodBound(reader, "Period start", "start");
    const end = periodBound(reader, "Period end", "end");
    checkSpan(reader, start, end);
    const offencesText = reader.text("Offences");
    const noFigure = offencesText ? NO_FIGURE[offencesText.toLowerCase()] : undefined;
    const offences = noFigure ? null : reader.count("Offences");
    const key = `${forceId}|${start && isoDay(start)}`;
    if (forceId && start && figuresRead.has(key))
      reader.fail("Period start", `a second figure for this force and period (first on line ${figuresRead.get(key)})`, isoDay(start));
    if (noFigure && !reader.errors.length) return { skip: `no figure published (${offencesText}: ${noFigure})` };
    const parsed = reader.result(() => [forceId!, start!, end!, offences!] as KnifeCrimeRow);
    if ("row" in parsed) figuresRead.set(key, line);
    return parsed;
  },
  scopeOf: (row) => unitScope(row[0], row[1], row[2]),
  table: RECORDED_OFFENCE,
  open: (sql: SqlClient, batchId) =>
    chunkWriter((rows) =>
      sql.query(
        `INSERT INTO crime_priorities.recorded_offence (force_id, month, period_end, offence_code, offence_description, offence_group, vawg, knife_crime, csa, offences, batch_id)
         SELECT force_id, period_start, period_end, 'ons:knife-or-sharp-instrument', 'Offences involving a knife or sharp instrument', 'Knife or sharp instrument offences', false, true, false, offences, $5
         FROM unnest($1::text[], $2::date[], $3::date[], $4::int[]) AS t(force_id, period_start, period_end, offences)`,
        [rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2]), rows.map((row) => row[3]), batchId],
      ),
    ),
};
