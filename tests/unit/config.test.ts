import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../shared/config.ts";

const dataDir = () => mkdtempSync(join(tmpdir(), "hub-config-"));

describe("readConfig: the environment as one typed configuration", () => {
  it("gives the documented defaults on an empty environment", () => {
    const config = readConfig({ HUB_DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      environment: "development",
      host: "127.0.0.1",
      gatewayPort: 4000,
      subgraphTimeoutMs: 10_000,
      sample: true,
      sampleExplicit: false,
      trustedDocuments: "off",
      responseCache: true,
      subgraphProcesses: "one",
      oidc: undefined,
    });
    expect(config.subgraphPort("workforce")).toBe(4004);
    expect(config.subgraphUrl("crime-priorities")).toBe("http://127.0.0.1:4003/graphql");
    expect(config.gatewayUrls).toEqual(["http://127.0.0.1:4000"]);
    expect(config.metrics?.port("gateway")).toBe(9400);
    expect(config.metrics?.port("misconduct")).toBe(9405);
  });

  it("places every process from the port settings, and a URL setting overrides one subgraph's address", () => {
    const config = readConfig({
      HUB_DATA_DIR: dataDir(),
      PORT: "5000",
      FORCES_PORT: "5001",
      RESPONSE_TIMES_URL: "http://elsewhere:9/graphql",
      HOST: "0.0.0.0",
    });
    expect(config.gatewayPort).toBe(5000);
    expect(config.subgraphUrl("forces")).toBe("http://0.0.0.0:5001/graphql");
    expect(config.subgraphUrl("response-times")).toBe("http://elsewhere:9/graphql");
    expect(config.gatewayUrls).toEqual(["http://0.0.0.0:5000"]);
  });

  it("refuses a setting it cannot use with one line naming the variable and the value", () => {
    const cases: [NodeJS.ProcessEnv, string][] = [
      [{ PORT: "abc" }, 'PORT must be a positive integer, got "abc"'],
      [{ HUB_SAMPLE: "some" }, 'HUB_SAMPLE must be "synthetic" or "none", got "some"'],
      [{ TRUSTED_DOCUMENTS: "yes" }, 'TRUSTED_DOCUMENTS must be "off" or "required", got "yes"'],
      [{ RESPONSE_CACHE: "true" }, 'RESPONSE_CACHE must be "on" or "off", got "true"'],
      [{ OIDC_ISSUER: "https://id.example" }, "OIDC_ISSUER and OIDC_CLIENT_ID go together: set both, or neither"],
    ];
    for (const [env, message] of cases) {
      const config = () => readConfig({ HUB_DATA_DIR: dataDir(), ...env });
      expect(config).toThrow(message);
    }
    // Ports are read when asked for, so a bad one stops the process that needs it.
    expect(() => readConfig({ HUB_DATA_DIR: dataDir(), WORKFORCE_PORT: "-1" }).subgraphPort("workforce")).toThrow(
      "WORKFORCE_PORT must be a positive integer",
    );
  });

  it("reads the sample choice, production and the OpenID provider", () => {
    expect(readConfig({ HUB_DATA_DIR: dataDir(), HUB_SAMPLE: "none" })).toMatchObject({ sample: false, sampleExplicit: true });
    expect(readConfig({ HUB_DATA_DIR: dataDir(), NODE_ENV: "production", RESPONSE_CACHE: "off", METRICS: "off" })).toMatchObject({
      environment: "production",
      responseCache: false,
      metrics: undefined,
    });
    expect(readConfig({ HUB_DATA_DIR: dataDir(), OIDC_ISSUER: "https://id.example", OIDC_CLIENT_ID: "hub" }).oidc).toEqual({
      issuer: "https://id.example",
      clientId: "hub",
      scope: "openid profile",
      audience: "hub",
      roleClaim: "hub_role",
      forceClaim: "hub_force",
    });
  });

  it("keeps the gateway secret in a file only its owner can read, the same for every process on the data folder", () => {
    const folder = dataDir();
    const secret = readConfig({ HUB_DATA_DIR: folder }).gatewaySecret();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(readConfig({ HUB_DATA_DIR: folder }).gatewaySecret()).toBe(secret);
    expect(readFileSync(join(folder, "gateway-secret"), "utf8")).toBe(secret);
    expect(statSync(join(folder, "gateway-secret")).mode & 0o777).toBe(0o600);
    expect(readConfig({ HUB_DATA_DIR: folder, GATEWAY_SECRET: "from-env" }).gatewaySecret()).toBe("from-env");
  });
});
