/** Maximal runs of consecutive months, at least `length` long, whose value meets the condition. */
export function consecutiveRuns<T extends { month: Date; value: number | null }>(
  series: T[],
  holds: (value: number) => boolean,
  length: number,
): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  const sorted = [...series].sort((a, b) => a.month.getTime() - b.month.getTime());
  for (const point of sorted) {
    const previous = run[run.length - 1];
    const follows = previous && monthsBetween(previous.month, point.month) === 1;
    if (point.value !== null && holds(point.value)) {
      run = follows ? [...run, point] : [point];
      if (run.length === length) runs.push(run);
      else if (run.length > length) runs[runs.length - 1] = run;
    } else {
      run = [];
    }
  }
  return runs;
}

export const monthsBetween = (a: Date, b: Date) => (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
