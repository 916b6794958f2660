type Fetch = (input: string, init: RequestInit) => Promise<Response>;

interface BufferedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

/**
 * Shares one subgraph call among identical calls in flight at the same moment (same subgraph, same
 * viewer, same body), as Hive Gateway and Apollo Router do: under load, many dashboards asking the
 * same question cost the subgraph one answer. Nothing is kept once the answer arrives, so no figure
 * is ever served stale, and a call for another viewer (another role, another force) is never shared.
 */
export function deduplicateInFlight(fetcher: Fetch): (key: string, input: string, init: RequestInit) => Promise<Response> {
  const inFlight = new Map<string, Promise<BufferedResponse>>();
  return async (key, input, init) => {
    let shared = inFlight.get(key);
    if (!shared) {
      shared = fetcher(input, init).then(async (response) => ({
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body: await response.arrayBuffer(),
      }));
      inFlight.set(key, shared);
      const forget = () => void inFlight.delete(key);
      shared.then(forget, forget);
    }
    const { status, statusText, headers, body } = await shared;
    return new Response(body, { status, statusText, headers });
  };
}
