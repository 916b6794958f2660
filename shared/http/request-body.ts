import type { IncomingMessage } from "node:http";

const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

/** A JSON POST to /graphql of a declared length within the limit: what clients of a GraphQL endpoint send. */
export function isJsonGraphQLPost({ method, url, headers }: IncomingMessage, limitBytes: number): boolean {
  const length = Number(headers["content-length"]);
  return (
    method === "POST" && url === "/graphql" && length > 0 && length <= limitBytes && JSON_CONTENT_TYPE.test(headers["content-type"] ?? "")
  );
}

/** The whole body, as it arrived. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    request.once("error", reject);
  });
}
