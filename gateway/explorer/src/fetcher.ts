import type { Fetcher } from "@graphiql/toolkit";
import type { ExecutionResult } from "graphql";
import { recordAnswer, type Answer } from "./answer-store.ts";

const INTROSPECTION = "IntrospectionQuery";

/**
 * Posts to the gateway with the signed-in viewer's token, unless the Headers tab sets its own
 * Authorization (scripts' tokens pasted there keep working), and hands every answer but the
 * schema's own to the table and chart.
 */
export function hubFetcher(url: string, token: () => string | undefined): Fetcher {
  return async (params, options) => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...options?.headers,
    };
    const signedIn = token();
    if (signedIn && !Object.keys(headers).some((name) => name.toLowerCase() === "authorization"))
      headers.authorization = `Bearer ${signedIn}`;
    const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(params) });
    const answer = (await response.json()) as Answer & ExecutionResult;
    if (params.operationName !== INTROSPECTION) recordAnswer(answer);
    return answer;
  };
}
