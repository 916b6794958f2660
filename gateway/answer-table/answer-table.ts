/**
 * A GraphQL answer as a table, for the explorer's table view, its CSV download and the gateway's
 * `Accept: text/csv`. A list is an array of objects; its path names the fields that lead to it
 * (`forces`, `force.responseTimes.monthly`). Each element of the chosen list is a row (each element
 * of a list inside it too, when the chosen path goes through it); columns are named by field path
 * within the outermost list's element; numbers stay numbers, nulls are empty; a list that is not
 * expanded (a figure's `sources`) becomes one column per field path, its values joined by "; ".
 */
export type Cell = string | number | boolean | null;

export interface AnswerTable {
  list: string;
  columns: string[];
  rows: Cell[][];
}

type Row = Map<string, Cell>;

const JOINER = "; ";
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isList = (value: unknown): value is unknown[] => Array.isArray(value) && value.some(isObject);
const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

function collectLists(value: unknown, path: string, outermostOnly: boolean, found: string[]): void {
  if (isList(value)) {
    if (!found.includes(path)) found.push(path);
    if (outermostOnly) return;
    for (const element of value) collectLists(element, path, outermostOnly, found);
  } else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) collectLists(inner, join(path, key), outermostOnly, found);
  }
}

/** The lists not inside another list: what a table of the whole answer could be, in the order they appear. */
export function outermostLists(data: unknown): string[] {
  const found: string[] = [];
  collectLists(data, "", true, found);
  return found;
}

/** Every list, nested ones too (`forces.monthly`): any of them can be expanded into rows. */
export function allLists(data: unknown): string[] {
  const found: string[] = [];
  collectLists(data, "", false, found);
  return found;
}

const cellOf = (value: unknown): Cell =>
  value === undefined || value === null ? null : typeof value === "object" ? JSON.stringify(value) : (value as Cell);
const joined = (values: Cell[]) => values.map((value) => (value === null ? "" : String(value))).join(JOINER);

/** Every leaf under `value` as one cell; lists inside it are joined rather than expanded. */
function leaves(value: unknown, path: string, into: Row): void {
  if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, join(path, key), into);
  } else if (Array.isArray(value)) {
    if (!value.length) return;
    if (!isList(value)) return void into.set(path, joined(value.map(cellOf)));
    const elements = value.map((element) => {
      const row: Row = new Map();
      leaves(element, path, row);
      return row;
    });
    const columns = [...new Set(elements.flatMap((row) => [...row.keys()]))];
    for (const column of columns) into.set(column, joined(elements.map((row) => row.get(column) ?? null)));
  } else {
    into.set(path, cellOf(value));
  }
}

/** Rows of `value` (an element of a list, or a list) with `segments` still to follow to the list being expanded. */
function expand(value: unknown, prefix: string, segments: string[]): Row[] {
  if (Array.isArray(value)) return value.flatMap((element) => expand(element, prefix, segments));
  if (!isObject(value)) return [new Map([[prefix, cellOf(value)]])];
  const [next, ...rest] = segments;
  const row: Row = new Map();
  let children: Row[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (key === next) children = expand(inner, join(prefix, key), rest);
    else leaves(inner, join(prefix, key), row);
  }
  return children.length ? children.map((child) => new Map([...row, ...child])) : [row];
}

export class NoSuchListError extends Error {}

/** The table of one list of the answer (`list` as `allLists` names it). */
export function tableOf(data: unknown, list: string): AnswerTable {
  if (!allLists(data).includes(list)) throw new NoSuchListError(`the answer has no list "${list}"`);
  const segments = list.split(".");
  let value: unknown = data;
  let depth = 0;
  while (!isList(value)) value = (value as Record<string, unknown>)[segments[depth++]];
  const rows = expand(value, "", segments.slice(depth));
  const columns = [...new Set(rows.flatMap((row) => [...row.keys()]))];
  return { list, columns, rows: rows.map((row) => columns.map((column) => row.get(column) ?? null)) };
}

const CSV_NEEDS_QUOTES = /[",\r\n]/;
const csvField = (cell: Cell) => {
  if (cell === null) return "";
  const text = String(cell);
  return CSV_NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** RFC 4180: a header line of column names, CRLF line ends, fields quoted only where they must be. */
export function toCsv({ columns, rows }: AnswerTable): string {
  return [columns, ...rows].map((line) => line.map(csvField).join(",")).join("\r\n") + "\r\n";
}
