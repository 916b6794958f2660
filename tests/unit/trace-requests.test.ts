import type { Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { traceRequests } from "../../shared/observability/trace-requests.ts";

/** Runs the middleware as Express would, without an exporter (no spans): returns the trace id the request got. */
function traceIdOf(headers: Record<string, string | undefined>): string | undefined {
  const request = { headers, method: "POST", path: "/graphql", baseUrl: "/graphql", originalUrl: "/graphql" } as unknown as Request;
  let nextCalled = false;
  traceRequests("gateway")(request, {} as Response, () => void (nextCalled = true));
  expect(nextCalled).toBe(true);
  return request.traceId;
}

describe("trace ids without an exporter", () => {
  it("keeps the caller's W3C trace id", () => {
    expect(traceIdOf({ traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" })).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
  });

  it("makes a new one when there is none, or the header is malformed or all zeros", () => {
    for (const headers of [{}, { traceparent: "garbage" }, { traceparent: `00-${"0".repeat(32)}-00f067aa0ba902b7-01` }]) {
      expect(traceIdOf(headers)).toMatch(/^[0-9a-f]{32}$/);
      expect(traceIdOf(headers)).not.toBe("0".repeat(32));
    }
  });
});
