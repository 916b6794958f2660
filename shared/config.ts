import { resolve } from "node:path";
import { secretInDataFolder } from "./files/private-files.ts";

/** The five subgraphs, in the order they are started and composed. */
export const SUBGRAPH_NAMES = ["forces", "response-times", "crime-priorities", "workforce", "misconduct"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const DEFAULT_PORTS: Record<SubgraphName | "gateway", number> = {
  gateway: 4000,
  forces: 4001,
  "response-times": 4002,
  "crime-priorities": 4003,
  workforce: 4004,
  misconduct: 4005,
};

/**
 * Long enough for any pause of the hub's own clients inside a transaction (an import between
 * chunks, under load), well short of the gateway's 10 s wait for a subgraph.
 */
export const EMBEDDED_IDLE_IN_TRANSACTION_TIMEOUT_MS = 5_000;

export interface HubConfig {
  environment: "development" | "production" | "test";
  /** Folder holding the embedded database (one, each subgraph in its own schema), the generated secrets and import reports. */
  dataDir: string;
  host: string;
  gatewayPort: number;
  subgraphPort(name: SubgraphName): number;
  subgraphUrl(name: SubgraphName): string;
  /** PostgreSQL URL for a subgraph, or undefined for the embedded database. */
  databaseUrl(name: SubgraphName): string | undefined;
  /** Shared secret the gateway sends and every subgraph requires. */
  gatewaySecret(): string;
  supergraphPath: string;
  subgraphTimeoutMs: number;
  /** The embedded database closes a connection idle inside a transaction for longer than this (EMBEDDED_IDLE_IN_TRANSACTION_TIMEOUT_MS). */
  embeddedIdleInTransactionTimeoutMs: number;
  /** Multiplier of the sample incidents loaded into an empty database (HUB_SAMPLE_SCALE; 100 ≈ 10 million). */
  sampleScale: number;
  /** Whether a new database gets the synthetic sample (HUB_SAMPLE=none: reference data only); a database follows its first choice. */
  sample: boolean;
  /** Whether HUB_SAMPLE was set: a database that decided otherwise refuses an explicit request, and follows its record without one. */
  sampleExplicit: boolean;
  /** Tokens: HS256 secret (JWT_SECRET, else made once per data folder for development tokens) or a JWKS URL. */
  jwtSecret(): string;
  jwksUrl: string | undefined;
  jwtAudience: string;
  jwtIssuer: string;
  /** Where /metrics is served (METRICS_HOST, METRICS_PORT for the gateway, <SUBGRAPH>_METRICS_PORT); undefined with METRICS=off. */
  metrics: { host: string; port(service: SubgraphName | "gateway"): number } | undefined;
  /** OpenID Connect sign-in for the explorer (OIDC_ISSUER and OIDC_CLIENT_ID); undefined when not configured. */
  oidc: OidcConfig | undefined;
  /** TRUSTED_DOCUMENTS=required: anonymous viewers run only registered operations; "off" (the default) serves any document within the limits. */
  trustedDocuments: "off" | "required";
  /** RESPONSE_CACHE=off turns the gateway's response cache off (benchmarks, the uncached reference); on by default. */
  responseCache: boolean;
  /** REDIS_URL: the gateways share one response cache in Redis; without it each keeps its own in memory. */
  redisUrl: string | undefined;
  /** HUB_SUBGRAPH_PROCESSES: `npm start` runs the five subgraphs in one process ("one", the default) or each in its own ("separate"). */
  subgraphProcesses: "one" | "separate";
  /** The gateways a `hub` command that changed data waits for until they serve it (HUB_GATEWAY_URLS, comma-separated; else this machine's). */
  gatewayUrls: string[];
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Scopes the explorer asks for (OIDC_SCOPE; "openid profile" by default, plus whatever carries the claims below). */
  scope: string;
  /** The `aud` the gateway requires of that issuer's tokens (OIDC_AUDIENCE; the client id, as in an ID token, by default). */
  audience: string;
  /** Claims holding the hub role and, for FORCE users, the force id (OIDC_ROLE_CLAIM, OIDC_FORCE_CLAIM). */
  roleClaim: string;
  forceClaim: string;
}

function oidcFrom(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  if (!env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) return undefined;
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) throw new Error("OIDC_ISSUER and OIDC_CLIENT_ID go together: set both, or neither");
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    scope: env.OIDC_SCOPE ?? "openid profile",
    audience: env.OIDC_AUDIENCE ?? env.OIDC_CLIENT_ID,
    roleClaim: env.OIDC_ROLE_CLAIM ?? "hub_role",
    forceClaim: env.OIDC_FORCE_CLAIM ?? "hub_force",
  };
}

/** The gateway's /metrics port; the subgraphs' follow it in SUBGRAPH_NAMES order. */
const METRICS_PORT_BASE = 9400;

export const envKey = (name: string) => name.toUpperCase().replace(/-/g, "_");

function intFrom(value: string | undefined, fallback: number, variable: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${variable} must be a positive integer, got "${value}"`);
  return parsed;
}

function sampleFrom(value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "synthetic") return true;
  if (value === "none") return false;
  throw new Error(`HUB_SAMPLE must be "synthetic" or "none", got "${value}"`);
}

/** One of the allowed values, the first when unset; anything else is refused naming the variable. */
function oneOf<Value extends string>(value: string | undefined, allowed: readonly Value[], variable: string): Value {
  if (value === undefined || value === "") return allowed[0];
  if ((allowed as readonly string[]).includes(value)) return value as Value;
  throw new Error(`${variable} must be ${allowed.map((option) => `"${option}"`).join(" or ")}, got "${value}"`);
}

function onOffFrom(value: string | undefined, variable: string): boolean {
  if (value === undefined || value === "" || value === "on") return true;
  if (value === "off") return false;
  throw new Error(`${variable} must be "on" or "off", got "${value}"`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const environment = env.NODE_ENV === "production" ? "production" : env.NODE_ENV === "test" ? "test" : "development";
  const dataDir = resolve(env.HUB_DATA_DIR ?? ".data");
  const host = env.HOST ?? "127.0.0.1";
  const subgraphPort = (name: SubgraphName) => intFrom(env[`${envKey(name)}_PORT`], DEFAULT_PORTS[name], `${envKey(name)}_PORT`);
  let secret: string | undefined;
  let jwtSecret: string | undefined;
  return {
    environment,
    dataDir,
    host,
    gatewayPort: intFrom(env.PORT, DEFAULT_PORTS.gateway, "PORT"),
    subgraphProcesses: oneOf(env.HUB_SUBGRAPH_PROCESSES, ["one", "separate"] as const, "HUB_SUBGRAPH_PROCESSES"),
    gatewayUrls: env.HUB_GATEWAY_URLS
      ? env.HUB_GATEWAY_URLS.split(",")
          .map((url) => url.trim())
          .filter(Boolean)
      : [`http://${host}:${intFrom(env.PORT, DEFAULT_PORTS.gateway, "PORT")}`],
    subgraphPort,
    subgraphUrl: (name) => env[`${envKey(name)}_URL`] ?? `http://${host}:${subgraphPort(name)}/graphql`,
    databaseUrl: (name) => env[`${envKey(name)}_DATABASE_URL`] || env.DATABASE_URL || undefined,
    gatewaySecret: () => (secret ??= env.GATEWAY_SECRET || secretInDataFolder(dataDir, "gateway-secret")),
    jwtSecret: () => (jwtSecret ??= env.JWT_SECRET || secretInDataFolder(dataDir, "jwt-secret")),
    jwksUrl: env.JWKS_URL || undefined,
    jwtAudience: env.JWT_AUDIENCE ?? "police-performance-hub",
    jwtIssuer: env.JWT_ISSUER ?? "police-performance-hub-dev",
    supergraphPath: resolve(env.SUPERGRAPH_PATH ?? "schema/supergraph.graphql"),
    subgraphTimeoutMs: intFrom(env.SUBGRAPH_TIMEOUT_MS, 10_000, "SUBGRAPH_TIMEOUT_MS"),
    embeddedIdleInTransactionTimeoutMs: intFrom(
      env.EMBEDDED_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      EMBEDDED_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      "EMBEDDED_IDLE_IN_TRANSACTION_TIMEOUT_MS",
    ),
    sampleScale: intFrom(env.HUB_SAMPLE_SCALE, 1, "HUB_SAMPLE_SCALE"),
    sample: sampleFrom(env.HUB_SAMPLE),
    sampleExplicit: !!env.HUB_SAMPLE,
    metrics: onOffFrom(env.METRICS, "METRICS")
      ? {
          host: env.METRICS_HOST ?? "127.0.0.1",
          port: (service) =>
            service === "gateway"
              ? intFrom(env.METRICS_PORT, METRICS_PORT_BASE, "METRICS_PORT")
              : intFrom(
                  env[`${envKey(service)}_METRICS_PORT`],
                  METRICS_PORT_BASE + 1 + SUBGRAPH_NAMES.indexOf(service),
                  `${envKey(service)}_METRICS_PORT`,
                ),
        }
      : undefined,
    oidc: oidcFrom(env),
    trustedDocuments: oneOf(env.TRUSTED_DOCUMENTS, ["off", "required"] as const, "TRUSTED_DOCUMENTS"),
    responseCache: onOffFrom(env.RESPONSE_CACHE, "RESPONSE_CACHE"),
    redisUrl: env.REDIS_URL || undefined,
  };
}
