import { describe, expect, it } from "vitest";
import { IMPORTERS, REVISABLE_TABLES } from "../../../subgraphs/importers.ts";
import { revisableTables } from "../../../subgraphs/shared/ingest/withdraw.ts";

describe("each importer's one declaration of its table", () => {
  it("gives every kind a way to replace its rows: its table's rule or its own keyed replacement", () => {
    const without = Object.values(IMPORTERS).filter((importer) => !importer.table.replace && !importer.replaceScopes);
    expect(without.map((importer) => importer.kind)).toEqual([]);
  });

  it("builds the tables hub withdraw takes back from the declarations, each table once, in its own subgraph's schema", () => {
    for (const [subgraph, tables] of Object.entries(REVISABLE_TABLES)) {
      const declared = Object.values(IMPORTERS).filter((importer) => importer.subgraph === subgraph);
      expect(tables.map((table) => table.table).sort()).toEqual([...new Set(declared.map((importer) => importer.table.table))].sort());
      expect(tables.every((table) => table.table.startsWith(`${subgraph.replace("-", "_")}.`))).toBe(true);
    }
    expect(REVISABLE_TABLES["crime-priorities"].find((table) => table.table === "crime_priorities.recorded_offence")).toEqual({
      table: "crime_priorities.recorded_offence",
      periodOfRow: "t.month",
    });
  });

  it("refuses two importers that disagree on how a shared table's rows are dated", () => {
    const importer = (kind: string, periodOfRow: string) => ({ kind, table: { table: "s.t", periodOfRow } });
    expect(() => revisableTables([importer("a", "t.month"), importer("b", "t.as_at")])).toThrow(
      "b declares s.t by t.as_at, another importer by t.month",
    );
  });
});
