/** Outcomes files carry no crime type, so their counts are stored under this priority: all recorded crime, not one priority. */
export const ALL_RECORDED_CRIME = "ALL";
