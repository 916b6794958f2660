/** Counts from 1 to this are too small to publish in a sensitive breakdown: a person could be identified. */
export const SMALLEST_SHOWN_COUNT = 10;

export interface CellCount {
  category: string;
  count: number;
}

export interface DisclosedCell {
  category: string;
  /** Null when suppressed. */
  count: number | null;
  suppressed: boolean;
  reason: string | null;
}

const PRIMARY = `fewer than ${SMALLEST_SHOWN_COUNT} (1 to ${SMALLEST_SHOWN_COUNT - 1}): could identify people`;
const SECONDARY = "suppressed as well so that the total minus the cells shown does not reveal a suppressed one";

/**
 * Statistical disclosure control for a breakdown whose total is shown: counts of 1 to 9 are hidden
 * (primary), and when that leaves a single hidden cell the smallest other non-zero cell is hidden too
 * (secondary), since total minus the shown cells would give it away. Zeros are shown.
 */
export function suppressSmallCounts(cells: CellCount[]): DisclosedCell[] {
  const hidden = new Set(cells.filter((cell) => cell.count > 0 && cell.count < SMALLEST_SHOWN_COUNT).map((cell) => cell.category));
  const secondary = new Set<string>();
  if (hidden.size === 1) {
    const next = cells
      .filter((cell) => cell.count > 0 && !hidden.has(cell.category))
      .sort((a, b) => a.count - b.count || a.category.localeCompare(b.category))[0];
    if (next) secondary.add(next.category);
  }
  return cells.map(({ category, count }) => {
    const reason = hidden.has(category) ? PRIMARY : secondary.has(category) ? SECONDARY : null;
    return { category, count: reason ? null : count, suppressed: reason !== null, reason };
  });
}
