import type { ImporterTable } from "../../shared/ingest/importer.ts";

/**
 * The snapshots every workforce kind loads. A load replaces the snapshots of loads whose every
 * measure it gives at equal or higher precedence (the sample's, or a table without functions).
 */
export const WORKFORCE_RECORD: ImporterTable = {
  table: "workforce.workforce_record",
  periodOfRow: "t.as_at",
  replace: { rule: "outranked", measures: ["WORKFORCE_FTE", "NEIGHBOURHOOD_FTE", "FRONTLINE_FTE"] },
};
