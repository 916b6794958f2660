import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { OidcConfig } from "../../shared/config.ts";
import { ROLES, type Role } from "../../shared/auth/viewer.ts";
import { discoveryUrl } from "./discovery.ts";

/**
 * The issuer's signing keys, found through its discovery document the first time a token of it
 * arrives (the provider may start after the gateway) and then cached and refreshed by jose.
 */
export function issuerKeys(oidc: OidcConfig): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const discover = async () => {
    const response = await fetch(discoveryUrl(oidc.issuer), { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`discovery at ${oidc.issuer} answered HTTP ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
    if (!jwksUri) throw new Error(`discovery at ${oidc.issuer} names no jwks_uri`);
    return createRemoteJWKSet(new URL(jwksUri));
  };
  return async (header, token) => {
    keys ??= discover().catch((error) => {
      keys = undefined;
      throw error;
    });
    return (await keys)(header, token);
  };
}

/** The hub role in the configured claim: a string, or the first known role of a list (as Entra ID's `roles`). */
export function roleFromClaims(payload: JWTPayload, oidc: OidcConfig): { role?: Role; forceId?: string } {
  const claimed = payload[oidc.roleClaim];
  const role = (Array.isArray(claimed) ? claimed : [claimed]).find((value): value is Role => ROLES.includes(value as Role));
  const force = payload[oidc.forceClaim];
  return { role, forceId: typeof force === "string" ? force : undefined };
}
