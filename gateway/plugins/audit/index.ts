import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Viewer } from "../../../shared/auth/viewer.ts";
import type { GatewayContext } from "../../subgraph-data-source.ts";
import { outcomeOf } from "../../../shared/observability/request-observer.ts";
import { codeOf } from "../../../shared/graphql/errors.ts";

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

export interface AnsweredOperation {
  viewer: Viewer;
  operationName: string | null;
  query: string | undefined;
  variables: Record<string, unknown> | undefined;
  errorCodes: string[];
  answeredWithData: boolean;
}

/** The audit entry of one answered operation (who, what, how it ended). */
export function auditEntry({ viewer, operationName, query, variables, errorCodes, answeredWithData }: AnsweredOperation): AuditRecord {
  return {
    at: new Date().toISOString(),
    subject: viewer.subject,
    role: viewer.role,
    operationName,
    documentSha256: createHash("sha256")
      .update(query ?? "")
      .digest("hex"),
    variables: variables ? redact(variables) : null,
    outcome: outcomeOf(errorCodes, answeredWithData),
    errorCodes,
  };
}

/** Records every operation Apollo Server answers and hands it to `record` (answers served straight from the cache are recorded there). */
export interface AuditOptions {
  /** Takes each operation's record (the audit sink, which sends them to the forces subgraph). */
  record: (entry: AuditRecord) => void;
}

export function auditPlugin({ record }: AuditOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      return {
        async willSendResponse({ response, errors, operationName }) {
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const errorCodes = [...new Set((errors ?? body?.errors ?? []).map((error) => codeOf(error)))];
          record(
            auditEntry({
              viewer: contextValue.viewer,
              operationName: operationName ?? request.operationName ?? null,
              query: request.query,
              variables: request.variables,
              errorCodes,
              answeredWithData: !!body?.data,
            }),
          );
        },
      };
    },
  };
}
