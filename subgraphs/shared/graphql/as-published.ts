import { Arg } from "type-graphql";
import { isoDay, type Period } from "./period.ts";
import { LocalDate } from "./scalars.ts";

/**
 * Points SQL that reads a subgraph's fact tables ("schema.table") at their `<table>_as_published`
 * functions instead, as the figures stood at the end of the given day in UK time: batches published
 * by then (each dated by its publication, not its load), and rows that revisions published later
 * replaced. Without a day the SQL reads the latest figures.
 */
export function asPublished(sql: string, tables: readonly string[], on: Date | undefined): string {
  if (!on) return sql;
  const instant = `((DATE '${isoDay(on)}' + 1)::timestamp AT TIME ZONE 'Europe/London')`;
  return tables.reduce((text, table) => replaceTable(text, table, `${table}_as_published(${instant})`), sql);
}

/** `asPublished` for SQL over a period: the tables are read as published on the period's day, when it names one. */
export const asPublishedForPeriod = (tables: readonly string[]) => (sql: string, period: Period) =>
  asPublished(sql, tables, period.asPublishedOn);

/** Replaces every reference to a table ("schema.table") in SQL, and nothing that merely starts with its name. */
export const replaceTable = (sql: string, table: string, replacement: string) =>
  sql.replace(new RegExp(`\\b${table.replace(".", "\\.")}\\b`, "g"), replacement);

/** The `asPublishedOn` argument every revisable figure takes. */
export const AsPublishedOnArg = () =>
  Arg("asPublishedOn", () => LocalDate, {
    nullable: true,
    description:
      "Figures as they stood at the end of this day (UK time): files published by then (dated by their publication, not by when the hub loaded them), before any revision published later replaced them. The latest when omitted.",
  });

/** A request's loaders for each publication day it asks about (and for the latest figures), each set built on first use. */
export function loadersByPublicationDay<Loaders>(create: (asPublishedOn?: Date) => Loaders): (asPublishedOn?: Date | null) => Loaders {
  const byDay = new Map<string, Loaders>();
  return (asPublishedOn) => {
    const key = asPublishedOn ? isoDay(asPublishedOn) : "latest";
    if (!byDay.has(key)) byDay.set(key, create(asPublishedOn ?? undefined));
    return byDay.get(key)!;
  };
}
