import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../subgraph-data-source.ts";

export interface AuditRecord {
  at: string;
  subject: string;
  role: string;
  operationName: string | null;
  documentSha256: string;
  variables: unknown;
  outcome: "OK" | "PARTIAL" | "ERROR";
  errorCodes: string[];
}

const SECRET_NAME = /token|secret|password|authori[sz]ation|key/i;

/** Variables as the audit keeps them: anything named like a secret is replaced, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_NAME.test(key) ? "[redacted]" : redact(inner)]));
  }
  return value;
}

/** Records every operation the gateway answers (who, what, how it ended) and hands it to `record`. */
export function auditPlugin(record: (entry: AuditRecord) => void): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      return {
        async willSendResponse({ response, errors, operationName }) {
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const codes = [...new Set((errors ?? body?.errors ?? []).map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR")))];
          record({
            at: new Date().toISOString(),
            subject: contextValue.viewer.subject,
            role: contextValue.viewer.role,
            operationName: operationName ?? request.operationName ?? null,
            documentSha256: createHash("sha256").update(request.query ?? "").digest("hex"),
            variables: request.variables ? redact(request.variables) : null,
            outcome: codes.length === 0 ? "OK" : body?.data ? "PARTIAL" : "ERROR",
            errorCodes: codes,
          });
        },
      };
    },
  };
}
