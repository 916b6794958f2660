import { Directive, Field, Int, ObjectType } from "type-graphql";
import { LocalDate } from "./scalars.ts";

@ObjectType({
  description:
    "How much of the period asked for the loaded sources cover, for this force and figure. Counts over months no source covers are not zero: they are missing.",
})
@Directive("@shareable")
export class Coverage {
  @Field(() => Int, { description: "Months that start within the period." })
  monthsRequested!: number;

  @Field(() => Int, {
    description:
      "Of those, months a loaded source covers (a quarterly or annual source covers its months only when the period holds the whole quarter or year).",
  })
  monthsCovered!: number;

  @Field(() => [LocalDate], { description: "First days of the months no loaded source covers." })
  missingMonths!: Date[];

  @Field(() => Boolean, {
    description: "True when every month of the period is covered; a partly covered figure counts only the covered months.",
  })
  complete!: boolean;

  @Field(() => String, { nullable: true, description: "Why the figure is partial or null; null when complete." })
  reason!: string | null;
}
