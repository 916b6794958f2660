import { GraphQLScalarType } from "graphql";
import { LocalDateResolver } from "graphql-scalars";
import { isoDay } from "./period.ts";

const toDate = (day: unknown) => new Date(`${day as string}T00:00:00Z`);

/**
 * graphql-scalars' LocalDate validation (real calendar days, leap years included), with
 * values held as Date at midnight UTC inside resolvers so SQL and arithmetic need no parsing.
 */
export const LocalDate = new GraphQLScalarType({
  name: "LocalDate",
  description: "A calendar day in ISO 8601 form, YYYY-MM-DD, e.g. `2025-03-31`.",
  specifiedByURL: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6",
  serialize: (value) => LocalDateResolver.serialize(value instanceof Date ? isoDay(value) : value),
  parseValue: (value) => toDate(LocalDateResolver.parseValue(value)),
  parseLiteral: (ast, variables) => toDate(LocalDateResolver.parseLiteral(ast, variables)),
});
