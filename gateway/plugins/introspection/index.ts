import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, visit } from "graphql";
import type { GatewayContext } from "../../subgraph-data-source.ts";

export interface IntrospectionOptions {
  /** In production only signed-in roles introspect. */
  production: boolean;
}

/** Introspection is for development, or for signed-in roles in production: the public gets data, not the schema. */
export function introspectionPolicy({ production }: IntrospectionOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!production || contextValue.viewer.role !== "PUBLIC") return;
          let introspects = false;
          visit(document, { Field: (node) => void (introspects ||= node.name.value === "__schema" || node.name.value === "__type") });
          if (introspects) {
            throw new GraphQLError("Introspection needs a signed-in role in production", {
              extensions: { code: "FORBIDDEN", http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}
