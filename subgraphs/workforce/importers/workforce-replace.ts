import type { ReplaceRule } from "../../shared/ingest/replace-scopes.ts";

/** A workforce table replaces the snapshots of loads whose every measure it gives at equal or higher precedence (the sample's, or a table without functions). */
export const WORKFORCE_REPLACE: ReplaceRule = { rule: "outranked", measures: ["WORKFORCE_FTE", "NEIGHBOURHOOD_FTE", "FRONTLINE_FTE"] };
