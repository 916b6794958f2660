import { basename } from "node:path";
import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import type { Importer } from "../../shared/ingest/importer.ts";
import { monthScope } from "../../shared/ingest/scope.ts";
import { readTable } from "../../shared/ingest/source-records.ts";
import { ukMonth } from "../../shared/ingest/uk-month.ts";
import { outsideFileMonth } from "../../shared/ingest/file-month.ts";
import { STOP_SEARCH_MONTHS } from "../plausibility.ts";
import { isoDay } from "../../shared/graphql/period.ts";

export const STOP_SEARCH_HEADER = [
  "Type",
  "Date",
  "Part of a policing operation",
  "Policing operation",
  "Latitude",
  "Longitude",
  "Gender",
  "Age range",
  "Self-defined ethnicity",
  "Officer-defined ethnicity",
  "Legislation",
  "Object of search",
  "Outcome",
  "Outcome linked to object of search",
  "Removal of more than just outer clothing",
];
/** The archive names stop and search files by month and force: the rows themselves do not say which force. */
const FILE_NAME = /^(\d{4}-\d{2})-(.+)-stop-and-search\.csv$/i;

type SearchRow = [
  forceId: string,
  month: Date,
  searchType: string,
  objectOfSearch: string,
  outcome: string,
  outcomeLinked: boolean | null,
  clothingRemoved: boolean | null,
];

/** Where a tally keeps its count of searches, after the row's fields. */
const SEARCHES = 7;

/** A True/False column left blank is not recorded (null), never "no". */
function trueFalse(reader: FieldReader, column: string): boolean | null {
  const text = reader.text(column, { optional: true });
  if (text === null) return null;
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return reader.fail(column, "true, false or empty", text);
}

/**
 * data.police.uk stop and search CSV, counted by force, month, type, object and outcome. A search
 * belongs to the month of its date in UK time (the file's month): a row dated outside it is an error.
 */
export const policeUkStopSearchImporter: Importer<SearchRow> = {
  kind: "police-uk-stop-search",
  subgraph: "crime-priorities",
  description: "data.police.uk stop and search CSV (YYYY-MM-<force>-stop-and-search.csv)",
  matches: (fileName) => FILE_NAME.test(basename(fileName)),
  read: (file, progress, options) => readTable(file, STOP_SEARCH_HEADER, progress, options),
  parse(fields, { file, line, forces }) {
    const reader = new FieldReader(fields, file, line);
    const named = FILE_NAME.exec(file);
    const forceId = named
      ? (forces.resolve(named[2]) ?? reader.fail(undefined, `unknown force "${named[2]}" in the file name`))
      : reader.fail(undefined, "file name must be YYYY-MM-<force>-stop-and-search.csv", file);
    const searchedAt = reader.timestamp("Date", hubDateBounds());
    const month = searchedAt && ukMonth(searchedAt);
    const fileMonth = outsideFileMonth(file, month);
    if (fileMonth)
      reader.fail("Date", `in ${isoDay(month!).slice(0, 7)} in UK time, outside the file's month ${fileMonth}`, reader.text("Date"));
    const searchType = reader.text("Type");
    const objectOfSearch = reader.text("Object of search", { optional: true }) ?? "Not stated";
    const outcome = reader.text("Outcome", { optional: true }) ?? "Not stated";
    const outcomeLinked = trueFalse(reader, "Outcome linked to object of search");
    const clothingRemoved = trueFalse(reader, "Removal of more than just outer clothing");
    if (reader.errors.length) return { errors: reader.errors };
    return { row: [forceId!, month!, searchType!, objectOfSearch, outcome, outcomeLinked, clothingRemoved] };
  },
  scopeOf: (row) => monthScope(row[0], row[1]),
  plausibility: STOP_SEARCH_MONTHS,
  table: { table: "crime_priorities.stop_search", periodOfRow: "t.month", replace: { rule: "same-kind" } },
  open(sql, batchId) {
    const counts = new Map<string, [...SearchRow, number]>();
    return {
      write: async (rows) => {
        for (const row of rows) {
          const key = JSON.stringify([row[0], row[1].getTime(), ...row.slice(2)]);
          const existing = counts.get(key);
          if (existing) existing[SEARCHES]++;
          else counts.set(key, [...row, 1]);
        }
      },
      finish: async () => {
        const tallies = [...counts.values()];
        const column = (index: number) => tallies.map((tally) => tally[index]);
        await sql.query(
          `INSERT INTO crime_priorities.stop_search (force_id, month, search_type, object_of_search, outcome, outcome_linked, clothing_removed, searches, batch_id)
           SELECT *, $9 FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::int[])`,
          [column(0), column(1), column(2), column(3), column(4), column(5), column(6), column(SEARCHES), batchId],
        );
      },
    };
  },
};
