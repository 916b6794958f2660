/** How long a gateway's question "has it changed since …?" is held open before the unchanged version is answered. */
export const DATA_VERSION_WAIT_MS = 1_000;

/** A subgraph's version token, as subgraphs announce it and gateways compare it: the fingerprint of its code, then its data version, or `?` while that is unknown. */
export const versionToken = (build: string, dataVersion: string) => `${build}:${dataVersion}`;
export const unknownVersionToken = (build: string) => versionToken(build, "?");
export const isKnownVersionToken = (token: string) => !token.endsWith(":?");
