import type { SqlClient } from "../../shared/database/open.ts";
import { RECORDED_OFFENCE } from "./recorded-offence-table.ts";
import { FieldReader } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import { isoDay, lastDayOfMonth } from "../../shared/graphql/period.ts";
import { isSpreadsheet } from "../../shared/ingest/spreadsheet.ts";
import { unitScope } from "../../shared/ingest/scope.ts";
import { readTable } from "../../shared/ingest/source-records.ts";

export const RECORDED_CRIME_HEADER = [
  "Financial Year",
  "Financial Quarter",
  "Force Name",
  "Offence Description",
  "Offence Group",
  "Offence Subgroup",
  "Offence Code",
  "Number of Offences",
];

type Flags = { vawg: boolean; knifeCrime: boolean; csa: boolean };
type OffenceRow = [forceId: string, quarterStart: Date, code: string, description: string, group: string, offences: number, flags: Flags];
/** Recorded crime from other sources sits beside it; reads pick one per force and unit by precedence. */
const quarterEnd = (start: Date) => lastDayOfMonth(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 2, 1)));
const NO_FLAGS: Flags = { vawg: false, knifeCrime: false, csa: false };

/** "2023/24" and quarter 1-4 (April-June is quarter 1) to the quarter's first month. */
function quarterStart(reader: FieldReader, yearText: string | null, quarterText: string | null): Date | null {
  const year = yearText ? /^(\d{4})\/(\d{2})$/.exec(yearText) : null;
  if (yearText && (!year || (Number(year[1]) + 1) % 100 !== Number(year[2])))
    return reader.fail("Financial Year", "not a financial year such as 2023/24", yearText);
  const quarter = Number(quarterText);
  if (quarterText && !(Number.isInteger(quarter) && quarter >= 1 && quarter <= 4))
    return reader.fail("Financial Quarter", "not a quarter 1 to 4", quarterText);
  if (!year || !quarterText) return null;
  const start = new Date(Date.UTC(Number(year[1]), 3 + (quarter - 1) * 3, 1));
  return start.getUTCFullYear() < 2010 ? reader.fail("Financial Year", "out of range (2010 onwards)", yearText) : start;
}

/** A force × quarter's net count so far, and the last line that added to it. */
interface UnitTally {
  forceId: string;
  quarterStart: Date;
  net: number;
  lastLine: number;
}

/** The priority flags of each offence code, and each force × quarter's net count as the file is read. */
interface RecordedCrimeLookup {
  flagsByCode: Map<string, Flags>;
  netByUnit: Map<string, UnitTally>;
}

function tallyUnit(netByUnit: Map<string, UnitTally>, row: OffenceRow, line: number) {
  const key = `${row[0]}|${isoDay(row[1])}`;
  const unit = netByUnit.get(key) ?? { forceId: row[0], quarterStart: row[1], net: 0, lastLine: line };
  unit.net += row[5];
  unit.lastLine = line;
  netByUnit.set(key, unit);
}

/**
 * Police recorded crime by force (Home Office open data tables, one sheet per financial year: the
 * published .xlsx/.ods or CSV). Each quarter is one unit (first to last day), never spread over or
 * placed in its months; priority flags come from offence_code_mapping. Negative counts are data:
 * crimes cancelled after the quarter they were recorded in, published as negative adjustments, summed
 * into their force × quarter (a unit whose rows net below zero rejects the file). National fraud
 * bodies (Action Fraud, CIFAS, UK Finance, Financial Fraud Action UK) are skipped and counted by name.
 */
export const hoRecordedCrimeImporter: Importer<OffenceRow, RecordedCrimeLookup> = {
  kind: "ho-recorded-crime",
  subgraph: "crime-priorities",
  description: "Police recorded crime by force, quarterly (Home Office open data table: .xlsx/.ods as published, or CSV)",
  matches: (fileName) => /\.csv$/i.test(fileName) || isSpreadsheet(fileName),
  read: (file, progress, options) => readTable(file, RECORDED_CRIME_HEADER, progress, options),
  prepare: async (sql) => {
    const rows = await sql.query<{ offence_code: string; vawg: boolean; knife_crime: boolean; csa: boolean }>(
      "SELECT offence_code, vawg, knife_crime, csa FROM crime_priorities.offence_code_mapping",
    );
    return {
      flagsByCode: new Map(rows.map((row) => [row.offence_code, { vawg: row.vawg, knifeCrime: row.knife_crime, csa: row.csa }])),
      netByUnit: new Map(),
    };
  },
  parse(fields, { file, line, forces, lookup: { flagsByCode, netByUnit } }) {
    const reader = new FieldReader(fields, file, line);
    const month = quarterStart(reader, reader.text("Financial Year"), reader.text("Financial Quarter"));
    const forceId = reader.force("Force Name", forces);
    const code = reader.text("Offence Code");
    const description = reader.text("Offence Description");
    const group = reader.text("Offence Group");
    const offences = reader.integer("Number of Offences");
    const parsed = reader.result((): OffenceRow => [
      forceId!,
      month!,
      code!,
      description!,
      group!,
      offences!,
      flagsByCode.get(code!) ?? NO_FLAGS,
    ]);
    if ("row" in parsed) tallyUnit(netByUnit, parsed.row, line);
    return parsed;
  },
  checkFile: ({ netByUnit }, file) =>
    [...netByUnit.values()]
      .filter((unit) => unit.net < 0)
      .map((unit) => ({
        file,
        line: unit.lastLine,
        column: "Number of Offences",
        value: String(unit.net),
        reason: `${unit.forceId}, quarter from ${isoDay(unit.quarterStart)}: its rows net to ${unit.net} offences (negative adjustments beyond the offences recorded)`,
      })),
  scopeOf: (row) => unitScope(row[0], row[1], quarterEnd(row[1])),
  table: RECORDED_OFFENCE,
  open: (sql: SqlClient, batchId) =>
    chunkWriter((rows) =>
      sql.query(
        `INSERT INTO crime_priorities.recorded_offence (force_id, month, period_end, offence_code, offence_description, offence_group, vawg, knife_crime, csa, offences, batch_id)
         SELECT *, $11 FROM unnest($1::text[], $2::date[], $10::date[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::bool[], $9::int[])
         ON CONFLICT (force_id, month, period_end, offence_code, vawg, knife_crime, csa) DO UPDATE SET offences = crime_priorities.recorded_offence.offences + EXCLUDED.offences`,
        [
          rows.map((row) => row[0]),
          rows.map((row) => row[1]),
          rows.map((row) => row[2]),
          rows.map((row) => row[3]),
          rows.map((row) => row[4]),
          rows.map((row) => row[6].vawg),
          rows.map((row) => row[6].knifeCrime),
          rows.map((row) => row[6].csa),
          rows.map((row) => row[5]),
          rows.map((row) => quarterEnd(row[1])),
          batchId,
        ],
      ),
    ),
};
