import { registerEnumType } from "type-graphql";

export enum Direction {
  LOWER_IS_BETTER = "LOWER_IS_BETTER",
  HIGHER_IS_BETTER = "HIGHER_IS_BETTER",
}
registerEnumType(Direction, { name: "Direction", description: "Which way a measure improves: it sets who ranks first." });

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
