import { Arg } from "type-graphql";
import { LocalDate } from "./scalars.ts";

/** The `from` argument of every figure over a period. */
export const FromArg = () =>
  Arg("from", () => LocalDate, { description: "First day of the period (inclusive); figures count the months that start within it." });

/** The `to` argument of every figure over a period. */
export const ToArg = () => Arg("to", () => LocalDate, { description: "Last day of the period (inclusive)." });

/** The `asAt` argument of every snapshot figure. */
export const AsAtArg = () =>
  Arg("asAt", () => LocalDate, { description: "The day asked about: the latest snapshot on or before it is used." });
