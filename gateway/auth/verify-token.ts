import { GraphQLError } from "graphql";
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { HubConfig } from "../../subgraphs/shared/config.ts";
import { PUBLIC_VIEWER, ROLES, type Role, type Viewer } from "../../subgraphs/shared/auth/viewer.ts";

const VERIFIED_TOKENS_KEPT = 10_000;

const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });

/**
 * Turns the Authorization header into a viewer: no header is the public; a bearer token must be
 * a JWT signed with the configured HS256 secret (or a key from the JWKS URL), for this audience and
 * issuer, unexpired, with a known role (and a force for FORCE users).
 */
export function createTokenVerifier(config: HubConfig) {
  const key: Uint8Array | JWTVerifyGetKey = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : new TextEncoder().encode(config.jwtSecret());
  // A dashboard sends the same token with every request: its signature is checked once, its expiry every time.
  const verified = new Map<string, { viewer: Viewer; expiresAtMs: number }>();
  return async (authorization: string | undefined): Promise<Viewer> => {
    if (!authorization) return PUBLIC_VIEWER;
    const known = verified.get(authorization);
    if (known && known.expiresAtMs > Date.now()) return known.viewer;
    verified.delete(authorization);
    const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
    if (!token) throw unauthenticated("Authorization must be a Bearer token");
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, { audience: config.jwtAudience, issuer: config.jwtIssuer, algorithms: config.jwksUrl ? undefined : ["HS256"] }));
    } catch (error) {
      throw unauthenticated(`Token refused: ${(error as { code?: string }).code ?? "invalid"}`);
    }
    const role = payload.role as Role;
    if (!ROLES.includes(role)) throw unauthenticated("Token has no known role");
    if (role === "FORCE" && typeof payload.forceId !== "string") throw unauthenticated("A FORCE token must name its force (forceId)");
    const viewer: Viewer = { subject: String(payload.sub ?? "unknown"), role, ...(role === "FORCE" ? { forceId: payload.forceId as string } : {}) };
    if (typeof payload.exp === "number") {
      if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
      verified.set(authorization, { viewer, expiresAtMs: payload.exp * 1000 });
    }
    return viewer;
  };
}
