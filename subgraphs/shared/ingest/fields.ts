import { bodyOutsideTheForces, bodyOutsideTheForcesByCode } from "../reference/outside-bodies.ts";
import type { ForceResolver } from "./force-resolver.ts";
import type { ParsedRecord } from "./importer.ts";
import type { RowError } from "./row-error.ts";

/** A cell as text, as String gives it for the numbers, strings, booleans and dates files hold (an object, never expected, as JSON). */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (
    typeof value === "number" ||
    typeof value === "boolean" ||
    typeof value === "bigint" ||
    value === null ||
    value === undefined ||
    value instanceof Date
  )
    return String(value);
  return JSON.stringify(value);
}

/** Reads and checks the fields of one record, collecting every problem instead of stopping at the first. */
export class FieldReader {
  readonly errors: RowError[] = [];
  /** Set when the row is for a body outside the 43 forces (British Transport Police, a total row). */
  private outsideBody: string | undefined;

  constructor(
    private readonly fields: Record<string, unknown>,
    private readonly file: string,
    private readonly line: number,
  ) {}

  fail(column: string | undefined, reason: string, value?: unknown): null {
    this.errors.push({ file: this.file, line: this.line, column, value: value === undefined ? undefined : cellText(value), reason });
    return null;
  }

  /**
   * The force a row is for, from the first of the names or codes that matches one (the column's
   * value by default). A body outside the 43 forces is noted, and the row skipped once checked.
   */
  force(column: string, forces: ForceResolver, ...names: (string | null)[]): string | null {
    const candidates = (names.length ? names : [this.text(column)]).filter((name): name is string => !!name);
    if (!candidates.length) return null;
    this.outsideBody = candidates.map(bodyOutsideTheForcesByCode).find(Boolean);
    if (this.outsideBody) return null;
    for (const name of candidates) {
      const forceId = forces.resolve(name);
      if (forceId) return forceId;
    }
    this.outsideBody = candidates.map(bodyOutsideTheForces).find(Boolean);
    return this.outsideBody ? null : this.fail(column, "unknown force: not a known id, code or name", candidates.join(" "));
  }

  /** The record once every field is read: its errors, a skip for a body outside the forces, or the row. */
  result<Row>(row: () => Row): ParsedRecord<Row> {
    if (this.errors.length) return { errors: this.errors };
    if (this.outsideBody) return { skip: `${this.outsideBody}: not one of the 43 territorial forces` };
    return { row: row() };
  }

  text(column: string, { optional = false } = {}): string | null {
    const value = this.fields[column];
    const text = value === undefined || value === null ? "" : cellText(value).trim();
    if (!text && !optional) return this.fail(column, "required value missing", "");
    return text || null;
  }

  /** A whole number, allowing the thousands separators Home Office tables use ("1,234"). */
  count(column: string): number | null {
    const text = this.text(column);
    if (text === null) return null;
    const value = Number(text.replace(/,/g, ""));
    return Number.isInteger(value) && value >= 0 ? value : this.fail(column, "not a whole number of 0 or more", text);
  }

  /** A whole number that may be negative (an adjustment), allowing thousands separators and padding spaces. */
  integer(column: string): number | null {
    const text = this.text(column);
    if (text === null) return null;
    const value = Number(text.replace(/,/g, ""));
    return Number.isInteger(value) ? value : this.fail(column, "not a whole number", text);
  }

  decimal(column: string): number | null {
    const text = this.text(column);
    if (text === null) return null;
    const value = Number(text.replace(/,/g, ""));
    return Number.isFinite(value) && value >= 0 ? value : this.fail(column, "not a number of 0 or more", text);
  }

  /** A month as YYYY-MM, within the years the hub covers. */
  month(column: string, bounds: DateBounds): Date | null {
    const text = this.text(column);
    if (text === null) return null;
    // The cache holds months checked against the hub's bounds only: other bounds are checked afresh.
    const known = bounds === BOUNDS ? VALID_MONTHS.get(text) : undefined;
    if (known) return known;
    const match = /^(\d{4})-(\d{2})$/.exec(text);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return this.fail(column, "not a month (YYYY-MM)", text);
    const month = this.within(column, new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)), bounds, text);
    if (month && bounds === BOUNDS) VALID_MONTHS.set(text, month);
    return month;
  }

  /** A calendar day, YYYY-MM-DD or DD/MM/YYYY as Home Office spreadsheets export it. */
  day(column: string, bounds: DateBounds): Date | null {
    const text = this.text(column);
    if (text === null) return null;
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const uk = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
    const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
    const date = year ? new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))) : undefined;
    if (!date || date.getUTCDate() !== Number(day)) return this.fail(column, "not a date (YYYY-MM-DD or DD/MM/YYYY)", text);
    return this.within(column, date, bounds, text);
  }

  /** An instant in ISO 8601 with a UTC offset, e.g. 2025-01-10T10:00:00Z. */
  timestamp(column: string, bounds: DateBounds, { optional = false } = {}): Date | null {
    const text = this.text(column, { optional });
    if (text === null) return null;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text))
      return this.fail(column, "not an ISO 8601 date-time with offset", text);
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? this.fail(column, "not a real date-time", text) : this.within(column, date, bounds, text);
  }

  private within(column: string, date: Date, bounds: DateBounds, text: string): Date | null {
    if (date < bounds.earliest || date > bounds.latest) {
      return this.fail(
        column,
        `out of range (${bounds.earliest.toISOString().slice(0, 10)} to ${bounds.latest.toISOString().slice(0, 10)})`,
        text,
      );
    }
    return date;
  }
}

export interface DateBounds {
  earliest: Date;
  latest: Date;
}

/** Months already read and in the hub's bounds: a file repeats a handful of them a million times. */
const VALID_MONTHS = new Map<string, Date>();

const BOUNDS: DateBounds = {
  earliest: new Date(Date.UTC(2010, 0, 1)),
  latest: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 11, 31, 23, 59, 59)),
};

/** Dates the hub accepts: from 2010 (before any series it holds) to the end of next year. */
export const hubDateBounds = (): DateBounds => BOUNDS;
