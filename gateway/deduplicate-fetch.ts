/**
 * Shares one subgraph call among identical calls in flight at the same moment (same subgraph, same
 * viewer, same body), as Hive Gateway and Apollo Router do: under load, many dashboards asking the
 * same question cost the subgraph one answer. Nothing is kept once the answer arrives, so no figure
 * is ever served stale, and a call for another viewer (another role, another force) is never shared.
 * The answer shared must be read whole (a buffered body), so each caller can make its own of it.
 */
export function deduplicateInFlight<Answer>(): (key: string, call: () => Promise<Answer>) => Promise<Answer> {
  const inFlight = new Map<string, Promise<Answer>>();
  return (key, call) => {
    let shared = inFlight.get(key);
    if (!shared) {
      shared = call();
      inFlight.set(key, shared);
      const forget = () => void inFlight.delete(key);
      shared.then(forget, forget);
    }
    return shared;
  };
}
