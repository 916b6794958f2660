import type { ImporterTable } from "../../shared/ingest/importer.ts";

/**
 * Recorded offences, which several kinds load side by side (street files, Home Office tables, ONS
 * knife crime): reads pick one source by precedence, so a load replaces only loads of its own kind.
 */
export const RECORDED_OFFENCE: ImporterTable = {
  table: "crime_priorities.recorded_offence",
  periodOfRow: "t.month",
  replace: { rule: "same-kind" },
};
