/** Counts of values in equal-width buckets: bucket n holds values from n×width up to (n+1)×width. */
export type Histogram = Map<number, number>;

export function addHistograms(target: Histogram, source: Histogram): Histogram {
  for (const [bucket, count] of source) target.set(bucket, (target.get(bucket) ?? 0) + count);
  return target;
}

export const histogramCount = (histogram: Histogram) => [...histogram.values()].reduce((sum, count) => sum + count, 0);

/**
 * The p-th percentile as PostgreSQL's percentile_cont computes it (linear interpolation between
 * the values at ranks floor and ceil of p×(n−1)), with each value taken as spread evenly across its
 * bucket: the answer is within one bucket width of the exact one. Null for an empty histogram.
 */
export function percentileFromHistogram(histogram: Histogram, p: number, width: number): number | null {
  const buckets = [...histogram.entries()].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const valueAtRank = (rank: number) => {
    let before = 0;
    for (const [bucket, count] of buckets) {
      if (rank < before + count) return (bucket + (rank - before + 0.5) / count) * width;
      before += count;
    }
    const [lastBucket] = buckets[buckets.length - 1];
    return (lastBucket + 1) * width;
  };
  const rank = p * (total - 1);
  const low = valueAtRank(Math.floor(rank));
  return low + (rank - Math.floor(rank)) * (valueAtRank(Math.ceil(rank)) - low);
}
