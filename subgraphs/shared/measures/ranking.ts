import { registerDescribedEnum } from "../graphql/described-enum.ts";

export enum Direction {
  LOWER_IS_BETTER = "LOWER_IS_BETTER",
  HIGHER_IS_BETTER = "HIGHER_IS_BETTER",
}
registerDescribedEnum(Direction, "Direction", "Which way a measure improves: it sets who ranks first.", {
  LOWER_IS_BETTER: "The lowest value ranks first (e.g. attendance minutes, crime rates).",
  HIGHER_IS_BETTER: "The highest value ranks first (e.g. shares within a standard).",
});

/**
 * Standard competition ranking ("1224"): 1 is best, forces with equal values share a rank and
 * the next rank skips. Forces without a value are not ranked.
 */
export function rankValues(values: Map<string, number | null>, direction: Direction): Map<string, number> {
  const better = direction === Direction.LOWER_IS_BETTER ? (a: number, b: number) => a - b : (a: number, b: number) => b - a;
  const ranked = [...values.entries()].filter((entry): entry is [string, number] => entry[1] !== null).sort((a, b) => better(a[1], b[1]));
  const ranks = new Map<string, number>();
  ranked.forEach(([id, value], index) => {
    const previous = ranked[index - 1];
    ranks.set(id, previous && previous[1] === value ? ranks.get(previous[0])! : index + 1);
  });
  return ranks;
}
