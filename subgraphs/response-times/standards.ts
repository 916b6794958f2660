/**
 * The national response standards (national model, January 2026). Emergency attendance is
 * timed from the moment the 999 call is connected to the first officer's arrival.
 */
export const EMERGENCY_ATTENDANCE_STANDARD_MINUTES = { URBAN: 15, RURAL: 20 } as const;

/** A 999 call meets the answer standard when answered within this many seconds; the target is 90% of calls. */
export const CALL_ANSWER_STANDARD_SECONDS = 10;
export const CALL_ANSWER_TARGET_SHARE = 0.9;
