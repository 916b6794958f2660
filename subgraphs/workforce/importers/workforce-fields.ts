import type { SqlClient } from "../../shared/database/open.ts";
import { bulkInsert } from "../../shared/database/bulk-insert.ts";
import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import type { ForceResolver } from "../../shared/ingest/force-resolver.ts";

/** Worker types as the Home Office names them, to the hub's. */
const WORKER_TYPES: Record<string, string> = {
  "police officer": "OFFICER",
  "police officers": "OFFICER",
  "police staff": "STAFF",
  pcso: "PCSO",
  pcsos: "PCSO",
  "police community support officer": "PCSO",
  "police community support officers": "PCSO",
  "designated officer": "DESIGNATED",
  "designated officers": "DESIGNATED",
  "special constable": "SPECIAL",
  "special constables": "SPECIAL",
};

/** What every Home Office workforce table gives for a row: the snapshot day, the force and the worker type. */
export interface SnapshotFields {
  asAt: Date | null;
  forceId: string | null;
  workerType: string | null;
}

/** Reads the columns the workforce tables share (`As at 31 March` as a year or a day, `Geocode`, `Force name`, `Worker type`). */
export function readSnapshotFields(reader: FieldReader, forces: ForceResolver): SnapshotFields {
  const asAtText = reader.text("As at 31 March");
  const asAt =
    asAtText && /^\d{4}$/.test(asAtText) ? new Date(Date.UTC(Number(asAtText), 2, 31)) : reader.day("As at 31 March", hubDateBounds());
  const code = reader.text("Geocode", { optional: true });
  const name = reader.text("Force name");
  const forceId = reader.force("Force name", forces, code, name);
  const workerTypeText = reader.text("Worker type");
  const workerType = workerTypeText
    ? (WORKER_TYPES[workerTypeText.toLowerCase()] ??
      reader.fail("Worker type", `unknown worker type (known: ${Object.keys(WORKER_TYPES).join(", ")})`, workerTypeText))
    : null;
  return { asAt, forceId, workerType };
}

/** One workforce_record row; headcount is null where the table gives FTE only, FTE where it gives headcount only. */
export type WorkforceRecord = [
  forceId: string,
  asAt: Date,
  workerType: string,
  rank: string | null,
  sex: string,
  functionName: string,
  frontlineStatus: string,
  neighbourhood: boolean,
  headcount: number | null,
  fte: number | null,
];

export const insertWorkforceRecords = (sql: SqlClient, batchId: number, rows: WorkforceRecord[]) =>
  bulkInsert(
    sql,
    "workforce.workforce_record",
    {
      force_id: "text",
      as_at: "date",
      worker_type: "text",
      rank: "text",
      sex: "text",
      function_name: "text",
      frontline_status: "text",
      neighbourhood: "bool",
      headcount: "int",
      fte: "numeric",
      batch_id: "int",
    },
    rows.map((row) => [...row, batchId]),
  );
