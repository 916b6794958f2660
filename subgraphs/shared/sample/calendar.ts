/** First day of each month the sample covers: April 2023 to March 2026 (three financial years). */
export function sampleMonths(): Date[] {
  const months: Date[] = [];
  for (
    let month = new Date(Date.UTC(2023, 3, 1));
    month < new Date(Date.UTC(2026, 3, 1));
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
  ) {
    months.push(month);
  }
  return months;
}

export const daysInMonth = (month: Date) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();

/** 31 March of each year the sample has a workforce snapshot for. */
export const sampleSnapshotDates = () => [2023, 2024, 2025].map((year) => new Date(Date.UTC(year, 2, 31)));
