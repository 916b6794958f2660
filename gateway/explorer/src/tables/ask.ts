import { registeredText } from "./operations.ts";

/** Runs one of the tool's registered operations as the signed-in viewer (or the public), giving its data or an error naming the reason. */
export async function ask<T>(operation: string, variables: Record<string, unknown>, token: string | undefined): Promise<T> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
  };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch("/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query: registeredText(operation), variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length)
    throw new Error(
      body.errors.map((error) => `${error.message}${error.extensions?.code ? ` (${error.extensions.code})` : ""}`).join("; "),
    );
  if (!body.data) throw new Error(`the hub answered HTTP ${response.status} without figures`);
  return body.data;
}
