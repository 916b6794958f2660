/**
 * A real OpenID provider (the `oidc-provider` package) for the sign-in tests, run as its own
 * process: `node --import tsx tests/support/oidc-provider.ts <port> <explorer redirect URI>`.
 * Its development login page accepts any name; the name picks the account's hub claims.
 */
import Provider, { type Configuration } from "oidc-provider";
import { reportReady } from "../../shared/process/ready.ts";

export const OIDC_CLIENT_ID = "hub-explorer";
export const OIDC_SCOPE = "openid profile hub";

/** Login names the tests sign in with, and the claims their accounts carry. */
export const OIDC_ACCOUNTS: Record<string, Record<string, string>> = {
  "hmicfrs-analyst": { name: "An HMICFRS analyst", hub_role: "HMICFRS" },
  "kent-analyst": { name: "A Kent Police analyst", hub_role: "FORCE", hub_force: "kent" },
  nobody: { name: "Someone with no hub role" },
};

function configuration(redirectUri: string): Configuration {
  return {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        token_endpoint_auth_method: "none",
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], profile: ["name"], hub: ["hub_role", "hub_force"] },
    scopes: ["openid", "profile", "hub"],
    // The explorer sends the ID token to the gateway, so the scopes' claims belong in it.
    conformIdTokenClaims: false,
    cookies: { keys: ["oidc-provider-test-cookie-key"] },
    findAccount: async (_context, sub) => ({ accountId: sub, claims: async () => ({ sub, ...(OIDC_ACCOUNTS[sub] ?? {}) }) }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [port, redirectUri] = process.argv.slice(2);
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, configuration(redirectUri));
  provider.listen(Number(port), "127.0.0.1", () => {
    console.log(`oidc provider ready at ${issuer}`);
    reportReady();
  });
}
