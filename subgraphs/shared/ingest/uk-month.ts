const londonMonth = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit" });

/**
 * First day of the month an instant falls in, in Europe/London: a record dated 23:30 UTC on 30 June
 * in summer time happened at 00:30 on 1 July in the UK, and belongs to July.
 */
export function ukMonth(instant: Date): Date {
  const parts = Object.fromEntries(londonMonth.formatToParts(instant).map((part) => [part.type, part.value]));
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, 1));
}
