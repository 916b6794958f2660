import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { bulkInsert } from "../../shared/database/bulk-insert.ts";
import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import type { StagingTarget } from "../../shared/ingest/staged-rows.ts";
import { monthScope, parseScope, spanMonths } from "../../shared/ingest/scope.ts";
import { readTable, readJsonLines } from "../../shared/ingest/source-records.ts";
import { ukMonth } from "../../shared/ingest/uk-month.ts";
import { INCIDENT_MONTHS } from "../plausibility.ts";
import { refreshAttendanceAggregates } from "../aggregates.ts";
import { projectPath } from "../../../shared/project-path.ts";

export const RESPONSE_INCIDENT_SCHEMA = JSON.parse(
  readFileSync(projectPath("subgraphs/response-times/importers/response-incident.schema.json"), "utf8"),
) as { properties: Record<string, object> };
const COLUMNS = Object.keys(RESPONSE_INCIDENT_SCHEMA.properties);
const ajv = new Ajv({ allErrors: true });
(addFormats as unknown as (ajv: Ajv) => void)(ajv);
const validate = ajv.compile(RESPONSE_INCIDENT_SCHEMA);

type IncidentRow = [
  forceId: string,
  reference: string,
  grade: string,
  areaType: string,
  month: Date,
  connected: Date,
  answered: Date | null,
  deployed: Date | null,
  arrived: Date | null,
];

const INCIDENTS: StagingTarget<IncidentRow> = {
  table: "response_times.incident",
  columns: {
    force_id: "text",
    reference: "text",
    grade: "text",
    area_type: "text",
    month: "date",
    call_connected_at: "timestamptz",
    call_answered_at: "timestamptz",
    deployed_at: "timestamptz",
    arrived_at: "timestamptz",
  },
  values: (row) => row,
};

const scopePairs = (scopes: string[]) => [scopes.map((scope) => parseScope(scope).forceId), scopes.map((scope) => parseScope(scope).start)];

/** The hub's incident-level submission format for the standardised response-time measures (CSV or JSON Lines). */
export const responseIncidentsImporter: Importer<IncidentRow> = {
  kind: "response-incidents",
  subgraph: "response-times",
  description: "Incident-level response submissions (CSV or JSON Lines, see response-incident.schema.json)",
  matches: (fileName) => /\.(csv|jsonl|ndjson)$/i.test(fileName),
  read: (file, progress) => (/\.csv$/i.test(file) ? readTable(file, COLUMNS, progress) : readJsonLines(file, progress)),
  parse(fields, { file, line, forces }) {
    const record = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === "" ? null : value]));
    if (!validate(record)) {
      return {
        errors: validate.errors!.map((error) => {
          const column =
            error.instancePath.slice(1) ||
            (error.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ||
            (error.params as { additionalProperty?: string }).additionalProperty;
          return {
            file,
            line,
            column,
            value: column && record[column] != null ? String(record[column]) : undefined,
            reason: `schema: ${error.message}`,
          };
        }),
      };
    }
    const reader = new FieldReader(record, file, line);
    const bounds = hubDateBounds();
    const forceId = reader.force("force", forces);
    const connected = reader.timestamp("call_connected_at", bounds);
    const answered = reader.timestamp("call_answered_at", bounds, { optional: true });
    const deployed = reader.timestamp("deployed_at", bounds, { optional: true });
    const arrived = reader.timestamp("arrived_at", bounds, { optional: true });
    for (const [column, time] of [
      ["call_answered_at", answered],
      ["deployed_at", deployed],
      ["arrived_at", arrived],
    ] as const) {
      if (time && connected && time < connected) reader.fail(column, "before the call was connected", time.toISOString());
    }
    return reader.result(() => [
      forceId!,
      String(record.reference),
      String(record.grade),
      String(record.area_type),
      ukMonth(connected!),
      connected!,
      answered,
      deployed,
      arrived,
    ]);
  },
  scopeOf: (row) => monthScope(row[0], row[4]),
  plausibility: INCIDENT_MONTHS,
  coverageOf: spanMonths,
  table: { table: INCIDENTS.table, periodOfRow: "t.month", replace: { rule: "outranked", measures: ["ATTENDANCE"] } },
  staging: INCIDENTS,
  open: (sql, batchId) =>
    chunkWriter((rows) =>
      bulkInsert(
        sql,
        INCIDENTS.table,
        { ...INCIDENTS.columns, batch_id: "int" },
        rows.map((row) => [...row, batchId]),
      ),
    ),
  async afterLoad(sql, scopes) {
    const [forceIds, months] = scopePairs(scopes);
    await refreshAttendanceAggregates(sql, {
      forceIds: [...new Set(forceIds)],
      months: [...new Set(months)].map((month) => new Date(month)),
    });
  },
};
