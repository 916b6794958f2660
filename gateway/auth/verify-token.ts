import { GraphQLError } from "graphql";
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { HubConfig } from "../../shared/config.ts";
import { PUBLIC_VIEWER, ROLES, type Role, type Viewer } from "../../shared/auth/viewer.ts";
import { issuerKeys, roleFromClaims } from "./oidc.ts";

const VERIFIED_TOKENS_KEPT = 10_000;

const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });

interface TokenIssuer {
  key: Uint8Array | JWTVerifyGetKey;
  options: { audience: string; issuer: string; algorithms?: string[] };
  claims(payload: JWTPayload): { role?: Role; forceId?: string };
}

/** The hub's own tokens (scripts, tests, `npm run token`): HS256 with the configured secret, or keys from JWKS_URL. */
function hubIssuer(config: HubConfig): TokenIssuer {
  return {
    key: config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : new TextEncoder().encode(config.jwtSecret()),
    options: { audience: config.jwtAudience, issuer: config.jwtIssuer, algorithms: config.jwksUrl ? undefined : ["HS256"] },
    claims: (payload) => ({ role: payload.role as Role, forceId: typeof payload.forceId === "string" ? payload.forceId : undefined }),
  };
}

/** People signed in through the explorer: the OpenID provider's tokens, checked against its published keys. */
function oidcIssuer(oidc: NonNullable<HubConfig["oidc"]>): TokenIssuer {
  return {
    key: issuerKeys(oidc),
    options: { audience: oidc.audience, issuer: oidc.issuer },
    claims: (payload) => roleFromClaims(payload, oidc),
  };
}

/** Which issuer a token claims to come from; its signature then proves it (or not). */
function issuerOf(token: string, hub: TokenIssuer, oidc: TokenIssuer | undefined): TokenIssuer {
  if (!oidc) return hub;
  try {
    return decodeJwt(token).iss === oidc.options.issuer ? oidc : hub;
  } catch {
    return hub;
  }
}

/**
 * Turns the Authorization header into a viewer: no header is the public; a bearer token must be a
 * JWT of the hub's own issuer or of the configured OpenID provider, for the audience, unexpired,
 * with a known role (and a force for FORCE users).
 */
export function createTokenVerifier(config: HubConfig) {
  const hub = hubIssuer(config);
  const oidc = config.oidc && oidcIssuer(config.oidc);
  // A dashboard sends the same token with every request: its signature is checked once, its expiry every time.
  const verified = new Map<string, { viewer: Viewer; expiresAtMs: number }>();
  return async (authorization: string | undefined): Promise<Viewer> => {
    if (!authorization) return PUBLIC_VIEWER;
    const known = verified.get(authorization);
    if (known && known.expiresAtMs > Date.now()) return known.viewer;
    verified.delete(authorization);
    const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
    if (!token) throw unauthenticated("Authorization must be a Bearer token");
    const issuer = issuerOf(token, hub, oidc);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, issuer.key as Uint8Array, issuer.options));
    } catch (error) {
      throw unauthenticated(`Token refused: ${(error as { code?: string }).code ?? "invalid"}`);
    }
    const { role, forceId } = issuer.claims(payload);
    if (!role || !ROLES.includes(role)) throw unauthenticated("Token has no known role");
    if (role === "FORCE" && !forceId) throw unauthenticated("A FORCE token must name its force (forceId)");
    const viewer: Viewer = { subject: String(payload.sub ?? "unknown"), role, ...(role === "FORCE" ? { forceId } : {}) };
    if (typeof payload.exp === "number") {
      if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
      verified.set(authorization, { viewer, expiresAtMs: payload.exp * 1000 });
    }
    return viewer;
  };
}
