import { Field, ObjectType } from "type-graphql";
import { LocalDate } from "./scalars.ts";

/** The fields every figure over a period starts with, so a reader always sees which days it covers. */
@ObjectType()
export abstract class PeriodSummary {
  @Field(() => LocalDate, { description: "First day of the period (inclusive)." })
  from!: Date;

  @Field(() => LocalDate, { description: "Last day of the period (inclusive)." })
  to!: Date;

  forceId!: string;
  /** Set when the figures are read as published on that day. */
  asPublishedOn?: Date;
}
