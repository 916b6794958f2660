import { parse as parseUrl } from "node:url";
import type { ApolloServer } from "@apollo/server";
import { headerMapOf } from "../../shared/http/apollo-answer.ts";
import type { Request, RequestHandler, Response } from "express";
import type { GatewayContext } from "../subgraph-data-source.ts";
import { allLists, outermostLists, tableOf, toCsv } from "./answer-table.ts";

const CSV = "text/csv";
const JSON_TYPES = ["application/json", "application/graphql-response+json"];

const refuse = (response: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}) =>
  response.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });

function chooseList(data: unknown, asked: unknown): { list: string } | { error: string; lists: string[] } {
  if (typeof asked === "string" && asked) {
    const lists = allLists(data);
    return lists.includes(asked)
      ? { list: asked }
      : { error: `The answer has no list "${asked}"; its lists are: ${lists.join(", ") || "none"}.`, lists };
  }
  const lists = outermostLists(data);
  if (lists.length === 1) return { list: lists[0] };
  if (!lists.length)
    return {
      error: "text/csv needs an answer with a list (an array of objects) to make rows of, and this one has none; ask for application/json.",
      lists,
    };
  return {
    error: `text/csv needs an answer with one list, and this one has ${lists.length}: ${lists.join(", ")}. Name one with ?list=<path>, or ask for application/json.`,
    lists,
  };
}

/**
 * `Accept: text/csv` on /graphql: the operation runs through the whole pipeline as JSON (limits,
 * trusted documents, audit, response cache), then the answer's one list becomes CSV, so curl and
 * spreadsheet tools pull figures directly. `?list=forces.monthly` picks a list when there are
 * several, or expands a nested one. An answer with errors cannot be a faithful table: it is sent
 * as JSON, with its own status or 422.
 */
export function csvAnswers(apollo: ApolloServer<GatewayContext>, contextOf: (request: Request) => Promise<GatewayContext>): RequestHandler {
  return async (request, response, next) => {
    if (request.accepts([...JSON_TYPES, CSV]) !== CSV) return next();
    try {
      const headers = headerMapOf(request.headers);
      headers.set("accept", "application/json");
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method.toUpperCase(),
          headers,
          search: parseUrl(request.url).search ?? "",
          body: request.body,
        },
        context: () => contextOf(request),
      });
      if (answer.body.kind !== "complete")
        return refuse(response, 406, "NOT_ACCEPTABLE", "An incremental answer cannot be sent as text/csv.");
      const status = answer.status ?? 200;
      const result = JSON.parse(answer.body.string) as { data?: unknown; errors?: unknown[] };
      if (status >= 400 || result.errors?.length)
        return response
          .status(status >= 400 ? status : 422)
          .type("application/json")
          .send(answer.body.string);
      const choice = chooseList(result.data, request.query.list);
      if ("error" in choice) return refuse(response, 406, "NOT_ACCEPTABLE", choice.error, { lists: choice.lists });
      const cacheStatus = answer.headers.get("x-hub-cache");
      if (cacheStatus) response.set("x-hub-cache", cacheStatus);
      response
        .status(200)
        .set({
          "content-type": "text/csv; charset=utf-8; header=present",
          "content-disposition": `attachment; filename="${choice.list}.csv"`,
          vary: "accept, authorization",
          "cache-control": "private, no-cache",
        })
        .send(toCsv(tableOf(result.data, choice.list)));
    } catch (error) {
      next(error);
    }
  };
}
