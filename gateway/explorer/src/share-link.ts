/**
 * The operation and its variables live in the address (`?query=…&variables=…`), so the address
 * bar, or the Copy link button, gives a link that opens the same query.
 */
export interface SharedOperation {
  query?: string;
  variables?: string;
}

export function sharedOperation(location: Location = window.location): SharedOperation {
  const params = new URLSearchParams(location.search);
  return { query: params.get("query") ?? undefined, variables: params.get("variables") ?? undefined };
}

export function rememberInAddress(change: SharedOperation): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(change)) {
    if (value === undefined) continue;
    if (value.trim()) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(window.history.state, "", url);
}
