import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "../../subgraph-data-source.ts";
import type { ManifestOperation } from "../../trusted-documents/manifest.ts";

/**
 * TRUSTED_DOCUMENTS=required: an anonymous viewer may run only the operations in the manifest (by
 * id, or by their exact text); signed-in roles keep ad-hoc queries. Checked before execution, so an
 * unregistered document from the public is neither run nor stored as a persisted query.
 */
export interface TrustedDocumentsOptions {
  /** TRUSTED_DOCUMENTS=required; off, every document is served as before. */
  required: boolean;
  /** The registered operations, by id (schema/persisted-query-manifest.json). */
  manifest: Map<string, ManifestOperation>;
}

export function trustedDocumentsPolicy({ required, manifest }: TrustedDocumentsOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, contextValue }) {
          if (!required || contextValue.viewer.role !== "PUBLIC" || (queryHash && manifest.has(queryHash))) return;
          throw new GraphQLError(
            "Only registered operations are served without signing in: send a registered operation's id (schema/persisted-query-manifest.json), or sign in for ad-hoc queries",
            {
              extensions: { code: "PERSISTED_QUERY_REQUIRED", http: { status: 403 } },
            },
          );
        },
      };
    },
  };
}
