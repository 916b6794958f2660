import { Directive, Field, Int, ObjectType } from "type-graphql";
import { suppressSmallCounts, type CellCount } from "./suppress.ts";

@ObjectType({ description: "One category of a sensitive breakdown; small counts are suppressed for every role but HOME_OFFICE." })
@Directive("@shareable")
export class BreakdownCell {
  @Field(() => String, { description: "The category counted, e.g. an age band or an ethnic group." })
  category!: string;

  @Field(() => Int, { nullable: true, description: "The count; null when suppressed." })
  count!: number | null;

  @Field(() => Boolean, { description: "True when the count is withheld to protect individuals (see `suppressionReason`)." })
  suppressed!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Why the count is suppressed (primary: 1 to 9; secondary: to protect another cell).",
  })
  reason!: string | null;
}

@ObjectType({ description: "A count broken down by a protected characteristic, under statistical disclosure control." })
@Directive("@shareable")
export class Breakdown {
  @Field(() => Int, { description: "The total over all categories, always shown." })
  total!: number;

  @Field(() => [BreakdownCell], { description: "Categories, largest first." })
  cells!: BreakdownCell[];
}

/** The breakdown as a role may see it: everything for those allowed small counts, suppressed otherwise. */
export function breakdown(cells: CellCount[], showSmallCounts: boolean): Breakdown {
  const ordered = [...cells].sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  return {
    total: ordered.reduce((sum, cell) => sum + cell.count, 0),
    cells: showSmallCounts ? ordered.map((cell) => ({ ...cell, suppressed: false, reason: null })) : suppressSmallCounts(ordered),
  };
}
