import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import { ALL_RECORDED_CRIME } from "../outcomes.ts";
import type { Importer } from "../../shared/ingest/importer.ts";
import { monthScope } from "../../shared/ingest/scope.ts";
import { readTable } from "../../shared/ingest/source-records.ts";
import { outsideFileMonth } from "../../shared/ingest/file-month.ts";

export const OUTCOMES_HEADER = [
  "Crime ID",
  "Month",
  "Reported by",
  "Falls within",
  "Longitude",
  "Latitude",
  "Location",
  "LSOA code",
  "LSOA name",
  "Outcome type",
];

type OutcomeRow = [forceId: string, month: Date, outcome: string];

/** data.police.uk outcomes CSV: outcomes assigned per force and month, counted by outcome type. */
export const policeUkOutcomesImporter: Importer<OutcomeRow> = {
  kind: "police-uk-outcomes",
  subgraph: "crime-priorities",
  description: "data.police.uk outcomes CSV (YYYY-MM-<force>-outcomes.csv)",
  matches: (fileName) => /-outcomes\.csv$/i.test(fileName),
  read: (file, progress, options) => readTable(file, OUTCOMES_HEADER, progress, options),
  parse(fields, { file, line, forces }) {
    const reader = new FieldReader(fields, file, line);
    const forceId = reader.force("Falls within", forces);
    const month = reader.month("Month", hubDateBounds());
    const fileMonth = outsideFileMonth(file, month);
    if (fileMonth) reader.fail("Month", `outside the file's month ${fileMonth}`, reader.text("Month"));
    const outcome = reader.text("Outcome type");
    return reader.result(() => [forceId!, month!, outcome!]);
  },
  scopeOf: (row) => monthScope(row[0], row[1]),
  table: {
    table: "crime_priorities.offence_outcome",
    periodOfRow: "t.month",
    replace: { rule: "same-kind" },
    onlyRows: `t.priority = '${ALL_RECORDED_CRIME}'`,
  },
  open(sql, batchId) {
    const counts = new Map<string, [string, Date, string, number]>();
    return {
      write: async (rows) => {
        for (const [forceId, month, outcome] of rows) {
          const key = `${forceId}|${month.getTime()}|${outcome}`;
          const existing = counts.get(key);
          if (existing) existing[3]++;
          else counts.set(key, [forceId, month, outcome, 1]);
        }
      },
      finish: async () => {
        const tallies = [...counts.values()];
        await sql.query(
          `INSERT INTO crime_priorities.offence_outcome (force_id, month, priority, outcome, outcomes, batch_id)
           SELECT t.force_id, t.month, '${ALL_RECORDED_CRIME}', t.outcome, t.outcomes, $5 FROM unnest($1::text[], $2::date[], $3::text[], $4::int[]) AS t(force_id, month, outcome, outcomes)`,
          [
            tallies.map((tally) => tally[0]),
            tallies.map((tally) => tally[1]),
            tallies.map((tally) => tally[2]),
            tallies.map((tally) => tally[3]),
            batchId,
          ],
        );
      },
    };
  },
};
