import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SUBGRAPH_NAMES } from "../../shared/config.ts";

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  restart?: string;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync("compose.yaml", "utf8"), { merge: true }) as { services: Record<string, Service> };
const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;

describe("compose.yaml", () => {
  it("runs PostgreSQL, the five subgraphs and the gateway", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["postgres", "gateway", ...SUBGRAPH_NAMES].sort());
  });

  it("starts every service with a command package.json has", () => {
    for (const [name, service] of Object.entries(compose.services).filter(([name]) => name !== "postgres")) {
      expect(service.command, name).toHaveLength(1);
      expect(scripts[service.command![0]], `${name}: ${service.command![0]}`).toBeDefined();
    }
  });

  it("points the gateway at every subgraph and every service at PostgreSQL", () => {
    const gateway = compose.services.gateway.environment!;
    for (const name of SUBGRAPH_NAMES)
      expect(gateway[`${name.toUpperCase().replace(/-/g, "_")}_URL`]).toBe(`http://${name}:${4001 + SUBGRAPH_NAMES.indexOf(name)}/graphql`);
    for (const name of SUBGRAPH_NAMES)
      expect(compose.services[name].environment!.DATABASE_URL).toMatch(/^postgresql:\/\/.+@postgres:5432\//);
  });

  it("restarts every part that dies, judges each healthy by its own /readyz, and starts the gateway once every subgraph is healthy", () => {
    const port = (name: string) => (name === "gateway" ? 4000 : 4001 + SUBGRAPH_NAMES.indexOf(name as (typeof SUBGRAPH_NAMES)[number]));
    for (const name of ["gateway", ...SUBGRAPH_NAMES]) {
      expect(compose.services[name].restart, name).toBe("unless-stopped");
      expect(compose.services[name].healthcheck?.test.join(" "), name).toContain(`http://127.0.0.1:${port(name)}/readyz`);
    }
    expect(compose.services.gateway.depends_on).toEqual(
      Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { condition: "service_healthy" }])),
    );
  });
});
