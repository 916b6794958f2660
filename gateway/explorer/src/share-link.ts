/**
 * The operation, its variables and the view live in the address (`?query=…&variables=…&view=chart&list=…
 * &measure=…`), so the address bar, or the Copy link button (which adds `run=1`), gives a link that
 * opens the same query, runs it, and shows it as it was shown.
 */
export interface SharedOperation {
  query?: string;
  variables?: string;
  /** The side panel open: `table` or `chart`. */
  view?: string;
  /** The list of the answer shown as rows. */
  list?: string;
  /** The column charted. */
  measure?: string;
  /** `1`: run the operation as the link opens. */
  run?: string;
}

const PARAMETERS = ["query", "variables", "view", "list", "measure", "run"] as const;

export function sharedOperation(location: Location = window.location): SharedOperation {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(PARAMETERS.flatMap((name) => (params.has(name) ? [[name, params.get(name)!]] : [])));
}

export function rememberInAddress(change: SharedOperation): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(change) as [string, string | undefined][]) {
    if (value === undefined) continue;
    if (value.trim()) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(window.history.state, "", url);
}

/** The address as a link to share: the same query and view, run as it opens. */
export function permalink(): string {
  const url = new URL(window.location.href);
  url.searchParams.set("run", "1");
  return url.toString();
}
