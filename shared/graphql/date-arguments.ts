import type { ApolloServerPlugin } from "@apollo/server";
import { getNamedType, isInputObjectType, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from "graphql";
import { LocalDateResolver } from "graphql-scalars";
import { badArgument } from "./errors.ts";

const DATE_SCALARS = new Set(["LocalDate"]);

function isValidLocalDate(value: unknown): boolean {
  try {
    LocalDateResolver.parseValue(value);
    return true;
  } catch {
    return false;
  }
}

/** A date argument of a document: its value written inline, or the variable that gives it. */
type DateArgument = { argumentName: string } & ({ inline: unknown } | { variable: string });

/** Every date argument of the document, found with the schema's types (walked once per document). */
function dateArgumentsOf(schema: GraphQLSchema, document: DocumentNode): DateArgument[] {
  const typeInfo = new TypeInfo(schema);
  const found: DateArgument[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        const type = argument && getNamedType(argument.type);
        if (!type || isInputObjectType(type) || !DATE_SCALARS.has(type.name)) return;
        const argumentName = node.name.value;
        if (node.value.kind === Kind.VARIABLE) found.push({ argumentName, variable: node.value.name.value });
        else
          found.push({
            argumentName,
            inline: node.value.kind === Kind.STRING ? node.value.value : node.value.kind === Kind.NULL ? null : node.value,
          });
      },
    }),
  );
  return found;
}

/** The first date argument whose value (inline or from a variable) is not a calendar date. */
function findInvalidDateArgument(
  dateArguments: DateArgument[],
  variables: Record<string, unknown>,
): { argumentName: string; value: unknown } | undefined {
  for (const dateArgument of dateArguments) {
    const value = "variable" in dateArgument ? variables[dateArgument.variable] : dateArgument.inline;
    if (value !== null && value !== undefined && !isValidLocalDate(value))
      return { argumentName: dateArgument.argumentName, value: typeof value === "object" ? "(not a string)" : value };
  }
  return undefined;
}

/**
 * A malformed date must come back as BAD_USER_INPUT naming the argument. The gateway's
 * schema knows LocalDate only by name, so the check runs on the resolved operation. Apollo Server
 * hands the same document object for the same query text, so each document is walked only once.
 */
export function dateArgumentsPlugin(): ApolloServerPlugin {
  const walked = new WeakMap<DocumentNode, DateArgument[]>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          if (!walked.has(document)) walked.set(document, dateArgumentsOf(schema, document));
          const invalid = findInvalidDateArgument(walked.get(document)!, request.variables ?? {});
          if (invalid) {
            const error = badArgument(invalid.argumentName, `"${String(invalid.value)}" is not a date in the form YYYY-MM-DD`);
            error.extensions.http = { status: 400 };
            throw error;
          }
        },
      };
    },
  };
}
