import { signRequest } from "../shared/auth/signed-request.ts";

export interface SubgraphReadiness {
  name: string;
  url: string;
  ready: boolean;
  detail: string;
}

/** Asks each subgraph's /readyz (which checks its database) within a short time limit. */
export async function checkSubgraphs(subgraphs: { name: string; url: string }[], secret: string): Promise<SubgraphReadiness[]> {
  return Promise.all(
    subgraphs.map(async ({ name, url }) => {
      try {
        const response = await fetch(new URL("/readyz", url), {
          headers: signRequest(secret, { subject: "gateway", role: "PUBLIC" }, ""),
          signal: AbortSignal.timeout(2_000),
        });
        const body = (await response.json()) as { status?: string };
        return { name, url, ready: response.ok, detail: body.status ?? `HTTP ${response.status}` };
      } catch (error) {
        return { name, url, ready: false, detail: (error as Error).name === "TimeoutError" ? "timed out" : "unreachable" };
      }
    }),
  );
}
