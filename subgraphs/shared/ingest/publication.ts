import { isoDay } from "../graphql/period.ts";

/** Where a batch's publication day comes from: the file, `hub import --published-on`, or the day it was loaded. */
export type PublicationSource = "file" | "option" | "load date";

/** A batch's publication day; null day: the load's own (UK) day, decided by the database as it records the batch. */
export interface Publication {
  day: string | null;
  source: PublicationSource;
}

/** The file's own date where it says, else the operator's, else the load date. */
export function publicationOf(fromFile: Date | undefined, fromOption: Date | undefined): Publication {
  if (fromFile) return { day: isoDay(fromFile), source: "file" };
  if (fromOption) return { day: isoDay(fromOption), source: "option" };
  return { day: null, source: "load date" };
}

/** The import_batch columns every batch records its publication in. */
export const PUBLICATION_COLUMNS = "published_on, published_on_source, published_at";

/**
 * SQL values for PUBLICATION_COLUMNS from two parameters ($n the day or null, $n+1 the source): a
 * dated publication counts from the start of its day in UK time; a load dated by itself from the load.
 */
export const publicationValues = (first: number) =>
  `COALESCE($${first}::date, (now() AT TIME ZONE 'Europe/London')::date), $${first + 1}, COALESCE(($${first}::date)::timestamp AT TIME ZONE 'Europe/London', now())`;

/** The same values for a batch the hub makes itself (the sample, a withdrawal): published as it is made. */
export const PUBLISHED_NOW = "(now() AT TIME ZONE 'Europe/London')::date, 'load date', now()";
