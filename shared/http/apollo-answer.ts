import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";

/** Node's request headers as Apollo Server takes them (repeated headers joined). */
export function headerMapOf(headers: IncomingHttpHeaders): HeaderMap {
  const map = new HeaderMap();
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) map.set(name, Array.isArray(value) ? value.join(", ") : value);
  return map;
}

/**
 * Runs a POSTed operation whose JSON body is already parsed through Apollo Server and writes its
 * answer with Node's own calls: what @as-integrations/express5 does, without Express's router,
 * content negotiation and send() in front of every request.
 */
export async function answerWithApollo<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  request: IncomingMessage,
  body: unknown,
  response: ServerResponse,
  context: () => Promise<TContext>,
): Promise<void> {
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: "POST", headers: headerMapOf(request.headers), search: "", body },
    context,
  });
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === "complete") {
    response.setHeader("content-length", Buffer.byteLength(answer.body.string));
    response.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}
