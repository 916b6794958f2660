/** Where an OpenID provider publishes its metadata (OpenID Connect Discovery 1.0, section 4): read by the gateway and the explorer. */
export const discoveryUrl = (issuer: string) => `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
