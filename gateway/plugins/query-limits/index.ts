import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, Kind, type ValidationRule } from "graphql";

/**
 * Limits on hostile documents, tighter than graphql-armor's defaults (which let probes through):
 * the explorer's longest example operation sits well inside every one.
 */
export const QUERY_LIMITS = {
  maxDepth: 8,
  maxAliases: 10,
  maxDirectives: 10,
  maxTokens: 2_000,
  maxCost: 3_000,
  maxFieldRepeats: 3,
  maxValidationErrors: 5,
};

/** Counts every alias, `__typename` ones included: graphql-armor's rule lets those through, and probes use them. */
const maxAliasesRule: ValidationRule = (context) => {
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias && ++aliases === QUERY_LIMITS.maxAliases + 1) {
        context.reportError(new GraphQLError(`Too many aliases: at most ${QUERY_LIMITS.maxAliases} in one document`, { nodes: [node] }));
      }
    },
  };
};

/**
 * The same field (same response key) asked again and again in one selection set: graphql-cop's field
 * duplication probe repeats `__typename` 500 times, well under the token limit, and each repeat is work.
 */
const maxFieldRepeatsRule: ValidationRule = (context) => ({
  SelectionSet(node) {
    const seen = new Map<string, number>();
    for (const selection of node.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (count === QUERY_LIMITS.maxFieldRepeats + 1) {
        context.reportError(
          new GraphQLError(`Field "${key}" repeated: at most ${QUERY_LIMITS.maxFieldRepeats} times in one selection`, {
            nodes: [selection],
          }),
        );
      }
    }
  },
});

/**
 * Depth, directives, cost and field suggestions through graphql-armor, introspection apart: the
 * explorer's own introspection query nests `ofType` deeper than any data query may go, and
 * circular introspection (`fields { type { fields … } } }`) is refused by graphql-js's
 * MaxIntrospectionDepthRule, which Apollo Server runs with the specified rules; aliases by our own rule;
 * tokens by graphql-js's parser (`parseOptions.maxTokens`), so an oversized document is never parsed
 * whole and a syntax error stays a 400; validation stops after a few errors (`maxErrors`), so a
 * document of a hundred unknown directives costs no more than one of five.
 */
export function queryLimits() {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: false },
    maxAliases: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: false },
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, flattenFragments: true, exposeLimits: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    plugins,
    validationRules: [...validationRules, maxAliasesRule, maxFieldRepeatsRule],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationOptions: { maxErrors: QUERY_LIMITS.maxValidationErrors },
  };
}
