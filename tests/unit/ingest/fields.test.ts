import { describe, expect, it } from "vitest";
import { cellText, FieldReader, hubDateBounds } from "../../../subgraphs/shared/ingest/fields.ts";

const reader = (fields: Record<string, unknown>) => new FieldReader(fields, "file.csv", 7);
const NARROW = { earliest: new Date(Date.UTC(2024, 0, 1)), latest: new Date(Date.UTC(2024, 11, 31)) };

describe("the field reader", () => {
  it("reports a missing required value with its file, line and column, and takes a blank optional one as null", () => {
    const fields = reader({ Force: "  ", Notes: "" });
    expect(fields.text("Force")).toBeNull();
    expect(fields.text("Notes", { optional: true })).toBeNull();
    expect(fields.errors).toEqual([{ file: "file.csv", line: 7, column: "Force", value: "", reason: "required value missing" }]);
  });

  it("reads counts with the thousands separators Home Office tables use, and refuses negatives and fractions", () => {
    const fields = reader({ a: "1,234", b: "-3", c: "2.5", d: 17 });
    expect([fields.count("a"), fields.count("b"), fields.count("c"), fields.count("d")]).toEqual([1234, null, null, 17]);
    expect(fields.errors.map((error) => [error.column, error.value, error.reason])).toEqual([
      ["b", "-3", "not a whole number of 0 or more"],
      ["c", "2.5", "not a whole number of 0 or more"],
    ]);
  });

  it("reads a negative adjustment as an integer and decimals of 0 or more", () => {
    const fields = reader({ adjustment: " -3 ", fte: "3,333.3082", negative: "-0.5" });
    expect([fields.integer("adjustment"), fields.decimal("fte"), fields.decimal("negative")]).toEqual([-3, 3333.3082, null]);
    expect(fields.errors).toHaveLength(1);
  });

  it("reads months as YYYY-MM within the bounds asked for, every time (a month read once is not let through later bounds)", () => {
    const fields = reader({ month: "2019-07", bad: "2019-13", words: "July 2019" });
    expect(fields.month("month", hubDateBounds())).toEqual(new Date(Date.UTC(2019, 6, 1)));
    expect(fields.month("month", NARROW)).toBeNull();
    expect(fields.month("bad", hubDateBounds())).toBeNull();
    expect(fields.month("words", hubDateBounds())).toBeNull();
    expect(fields.errors.map((error) => error.reason)).toEqual([
      "out of range (2024-01-01 to 2024-12-31)",
      "not a month (YYYY-MM)",
      "not a month (YYYY-MM)",
    ]);
  });

  it("reads days as YYYY-MM-DD or DD/MM/YYYY and refuses days that do not exist", () => {
    const fields = reader({ iso: "2024-02-29", uk: "31/03/2024", none: "31/02/2024", us: "03/31/2024" });
    expect(fields.day("iso", NARROW)).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(fields.day("uk", NARROW)).toEqual(new Date(Date.UTC(2024, 2, 31)));
    expect(fields.day("none", NARROW)).toBeNull();
    expect(fields.day("us", NARROW)).toBeNull();
    expect(fields.errors.map((error) => error.column)).toEqual(["none", "us"]);
  });

  it("reads instants only with an offset, so no time is read in the machine's zone", () => {
    const fields = reader({ utc: "2024-06-30T23:30:00Z", offset: "2024-07-01T00:30:00+01:00", local: "2024-06-30T23:30:00" });
    expect(fields.timestamp("utc", NARROW)).toEqual(new Date("2024-06-30T23:30:00Z"));
    expect(fields.timestamp("offset", NARROW)).toEqual(new Date("2024-06-30T23:30:00Z"));
    expect(fields.timestamp("local", NARROW)).toBeNull();
    expect(fields.errors[0].reason).toBe("not an ISO 8601 date-time with offset");
  });

  it("gives the row only when every field read cleanly, else every error at once", () => {
    const fields = reader({ a: "x", b: "y" });
    fields.count("a");
    fields.count("b");
    expect(fields.result(() => "row")).toEqual({
      errors: [expect.objectContaining({ column: "a" }), expect.objectContaining({ column: "b" })],
    });
    expect(reader({ a: "1" }).result(() => "row")).toEqual({ row: "row" });
  });

  it("turns a cell into text as String does, and an unexpected object into JSON", () => {
    expect([cellText("a"), cellText(2.5), cellText(true), cellText(null), cellText({ a: 1 })]).toEqual([
      "a",
      "2.5",
      "true",
      "null",
      '{"a":1}',
    ]);
  });
});
