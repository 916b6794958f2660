/**
 * OpenID Connect sign-in from the browser: the authorization code flow with PKCE (RFC 7636), as a
 * public client. The ID token it gets is sent to the gateway as the bearer token. The session (or a
 * token pasted where no provider is configured) is kept in a session cookie: every tab of the
 * explorer shares it, and it ends when the browser closes.
 */
import { discoveryUrl } from "../../auth/discovery.ts";

export interface ExplorerOidc {
  issuer: string;
  clientId: string;
  scope: string;
  /** The claim holding the hub role, shown beside the name once signed in. */
  roleClaim: string;
}

export interface SignedIn {
  token: string;
  name: string;
  role: string;
  expiresAtMs: number;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

const PENDING = "hub.sign-in.pending";
const SESSION = "hub.sign-in.session";

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => new URL("/explorer/", window.location.origin).toString();

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(discoveryUrl(issuer));
  if (!response.ok) throw new Error(`the sign-in service at ${issuer} did not answer (HTTP ${response.status})`);
  return (await response.json()) as Discovery;
}

/** A claim as text: a string or number as it is, anything else the fallback. */
const claimText = (claim: unknown, fallback: string) => (typeof claim === "string" || typeof claim === "number" ? String(claim) : fallback);

function claimsOf(idToken: string): Record<string, unknown> {
  const payload = idToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (char) => char.charCodeAt(0)))) as Record<string, unknown>;
}

/** Sends the browser to the provider's sign-in page; it comes back to the explorer with a code. */
export async function beginSignIn(oidc: ExplorerOidc): Promise<void> {
  const { authorization_endpoint: authorizationEndpoint } = await discover(oidc.issuer);
  const [verifier, state, nonce] = [randomToken(), randomToken(), randomToken()];
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, returnTo: window.location.href }));
  const url = new URL(authorizationEndpoint);
  const params = {
    response_type: "code",
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: "S256",
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  window.location.assign(url);
}

/** On the way back from the provider: trades the code for tokens and returns the explorer to where sign-in began. */
export async function completeSignIn(oidc: ExplorerOidc): Promise<SignedIn | undefined> {
  const params = new URLSearchParams(window.location.search);
  const pending = sessionStorage.getItem(PENDING);
  if (!params.has("code") && !params.has("error")) return undefined;
  sessionStorage.removeItem(PENDING);
  if (params.has("error")) throw new Error(`sign-in refused: ${params.get("error_description") ?? params.get("error")}`);
  if (!pending) throw new Error("sign-in answer without a sign-in begun in this tab");
  const { verifier, state, nonce, returnTo } = JSON.parse(pending) as { verifier: string; state: string; nonce: string; returnTo: string };
  if (params.get("state") !== state) throw new Error("sign-in answer does not match the request (state)");
  const { token_endpoint: tokenEndpoint } = await discover(oidc.issuer);
  const response = await fetch(tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: params.get("code")!,
      redirect_uri: redirectUri(),
      client_id: oidc.clientId,
      code_verifier: verifier,
    }),
  });
  const tokens = (await response.json()) as { id_token?: string; error?: string; error_description?: string };
  if (!response.ok || !tokens.id_token)
    throw new Error(`sign-in failed: ${tokens.error_description ?? tokens.error ?? `HTTP ${response.status}`}`);
  const claims = claimsOf(tokens.id_token);
  if (claims.nonce !== nonce) throw new Error("sign-in answer does not match the request (nonce)");
  const role = [claims[oidc.roleClaim]].flat().find((value): value is string => typeof value === "string");
  const signedIn: SignedIn = {
    token: tokens.id_token,
    name: claimText(claims.name ?? claims.sub, "unknown"),
    role: role ?? "no hub role",
    expiresAtMs: Number(claims.exp) * 1000,
  };
  keepSession(signedIn);
  // Sign-in begun on the table tool comes back through the explorer: go back to that page.
  if (new URL(returnTo).pathname !== window.location.pathname) window.location.assign(returnTo);
  else window.history.replaceState(null, "", returnTo);
  return signedIn;
}

/** A hub token pasted by the viewer (e.g. from `npm run token`), read for its role and expiry; an error naming what is wrong otherwise. */
export function tokenSession(token: string): SignedIn {
  const trimmed = token.trim().replace(/^bearer\s+/i, "");
  let claims: Record<string, unknown>;
  try {
    claims = claimsOf(trimmed);
  } catch {
    throw new Error("that is not a token: paste the whole JWT (three parts separated by dots)");
  }
  const expiresAtMs = typeof claims.exp === "number" ? claims.exp * 1000 : Date.now() + 3_600_000;
  if (expiresAtMs <= Date.now()) throw new Error("that token has expired: mint a new one");
  return { token: trimmed, name: claimText(claims.name ?? claims.sub, "token"), role: claimText(claims.role, "no hub role"), expiresAtMs };
}

/** Keeps the session in a session cookie (every tab, until the browser closes), scoped to the explorer. */
export function keepSession(session: SignedIn): void {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${SESSION}=${encodeURIComponent(JSON.stringify(session))}; Path=/; SameSite=Strict${secure}`;
}

export function currentSession(): SignedIn | undefined {
  const stored = document.cookie.split("; ").find((cookie) => cookie.startsWith(`${SESSION}=`));
  const session = stored ? (JSON.parse(decodeURIComponent(stored.slice(SESSION.length + 1))) as SignedIn) : undefined;
  return session && session.expiresAtMs > Date.now() ? session : undefined;
}

export function signOut(): void {
  document.cookie = `${SESSION}=; Path=/; Max-Age=0; SameSite=Strict`;
}
