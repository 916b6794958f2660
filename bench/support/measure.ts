/** Runs `work` a few times unmeasured, then `runs` times, and returns the times in milliseconds. */
export async function timeRuns(work: () => Promise<unknown>, runs: number, warmups = 2): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

export function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export const median = (times: number[]) => percentile(times, 0.5);
