import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import type { Importer } from "../../shared/ingest/importer.ts";
import { dayScope } from "../../shared/ingest/scope.ts";
import { isSpreadsheet, openWorkbook } from "../../shared/ingest/spreadsheet.ts";
import { bulletinPublishedOn, readWorkforceBulletin } from "./workforce-bulletin.ts";
import { insertWorkforceRecords, type WorkforceRecord } from "./workforce-fields.ts";
import { WORKFORCE_RECORD } from "./workforce-record-table.ts";

type BulletinRow = [forceId: string, asAt: Date, workerType: string, measure: "FTE" | "Headcount", value: number];

/** "..": the Home Office publishes no figure for that force (e.g. a force with no designated officers). */
const NO_FIGURE = new Set(["..", "-", "n/a", "na"]);

/**
 * The Home Office "Police workforce, England and Wales" bulletin tables (.ods/.xlsx as published):
 * FTE of officers, staff, designated officers and PCSOs and headcount of special constables by force,
 * at every "As at" date the tables give. Regions, totals, central service secondments and British
 * Transport Police are skipped by name; the Index sheet's "Last updated" is the publication date, so a
 * later bulletin's revision of a date wins in whichever order the two are loaded. No sex, rank or
 * function: the open data tables are preferred where both give a snapshot.
 */
export const hoWorkforceTablesImporter: Importer<BulletinRow> = {
  kind: "ho-workforce-tables",
  subgraph: "workforce",
  description: "Home Office police workforce bulletin tables (.ods/.xlsx as published: FTE and special constables' headcount by force)",
  matches: isSpreadsheet,
  read: readWorkforceBulletin,
  publishedOn: (file) => bulletinPublishedOn(openWorkbook(file)),
  parse(fields, { file, line, forces }) {
    const reader = new FieldReader(fields, `${file} ${String(fields.Table)}`, line);
    const asAt = reader.day("As at", hubDateBounds());
    const valueText = reader.text("Value");
    if (fields["Region row"] === "yes") return { skip: "a regional total row: not one of the 43 territorial forces" };
    const forceId = reader.force("Force name", forces);
    if (valueText && NO_FIGURE.has(valueText.toLowerCase()) && !reader.errors.length && forceId)
      return { skip: `no figure published (${valueText})` };
    const value = reader.decimal("Value");
    const measure = fields.Measure as BulletinRow[3];
    return reader.result((): BulletinRow => [forceId!, asAt!, String(fields["Worker type"]), measure, value!]);
  },
  scopeOf: (row) => dayScope(row[0], row[1]),
  table: WORKFORCE_RECORD,
  open(sql, batchId) {
    // One record per force, day and worker type, with the FTE and headcount its tables give.
    const records = new Map<string, WorkforceRecord>();
    return {
      write: async (rows) => {
        for (const [forceId, asAt, workerType, measure, value] of rows) {
          const key = `${forceId}|${asAt.getTime()}|${workerType}`;
          const record = records.get(key) ?? [forceId, asAt, workerType, null, "Not stated", "Not stated", "Not stated", false, null, null];
          if (measure === "FTE") record[9] = value;
          else record[8] = value;
          records.set(key, record);
        }
      },
      finish: async () => {
        await insertWorkforceRecords(sql, batchId, [...records.values()]);
      },
    };
  },
};
