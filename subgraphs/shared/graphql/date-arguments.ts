import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType,
  isInputObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
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

/** The first date argument whose value (inline or from a variable) is not a calendar date. */
export function findInvalidDateArgument(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): { argumentName: string; value: unknown } | undefined {
  const typeInfo = new TypeInfo(schema);
  let found: { argumentName: string; value: unknown } | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (found || !argument) return;
        const type = getNamedType(argument.type);
        if (!type || isInputObjectType(type) || !DATE_SCALARS.has(type.name)) return;
        const value =
          node.value.kind === Kind.STRING ? node.value.value
          : node.value.kind === Kind.VARIABLE ? variables[node.value.name.value]
          : node.value.kind === Kind.NULL ? null
          : node.value;
        if (value !== null && value !== undefined && !isValidLocalDate(value)) {
          found = { argumentName: node.name.value, value: typeof value === "object" ? "(not a string)" : value };
        }
      },
    }),
  );
  return found;
}

/**
 * A malformed date must come back as BAD_USER_INPUT naming the argument. The gateway's
 * schema knows LocalDate only by name, so the check runs on the resolved operation.
 */
export function dateArgumentsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const invalid = findInvalidDateArgument(schema, document, request.variables ?? {});
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
