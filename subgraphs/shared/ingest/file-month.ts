import { basename } from "node:path";
import { isoDay } from "../graphql/period.ts";

/** data.police.uk names its monthly files `YYYY-MM-<force>-street.csv` (also outcomes, stop-and-search): the month a file holds. */
export const monthOfFile = (file: string): string | undefined =>
  /^(\d{4}-\d{2})-.+-(street|outcomes|stop-and-search)\.csv$/i.exec(basename(file))?.[1];

/**
 * The file's month (YYYY-MM) when a row's month is another: such a row is an error, so a month is
 * covered only by the files of that month, never by a stray row in a neighbour's file.
 */
export function outsideFileMonth(file: string, month: Date | null): string | undefined {
  const fileMonth = monthOfFile(file);
  return fileMonth && month && isoDay(month).slice(0, 7) !== fileMonth ? fileMonth : undefined;
}
