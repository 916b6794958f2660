import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "../../subgraph-data-source.ts";

/**
 * An `operationName` naming no operation of the document (or none given for a document of several)
 * is the caller's mistake: a 400 with a code, before @apollo/gateway tries to plan it and throws a 500.
 */
export function operationResolution(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message =
            typeof request.operationName === "string"
              ? `No operation named "${request.operationName.slice(0, 80)}" in the document`
              : "The document holds several operations: name the one to run in operationName";
          throw new GraphQLError(message, { extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } } });
        },
      };
    },
  };
}
