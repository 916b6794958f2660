import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../../shared/auth/signed-request.ts";
import { mintToken, postJson, startHub, TEST_SECRET, type RunningHub } from "../support/hub.ts";

const ALERTS = (force: string) => `{ force(id: "${force}") { name responseTimeAlerts(from: "2025-04-01", to: "2026-03-31") { ruleId } } }`;

describe("who sees what", () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub?.stop());

  it("gives the public published aggregates but FORBIDDEN for alerts, the rest of the answer intact", async () => {
    const { status, body } = await hub.graphql(ALERTS("kent"));
    expect(status).toBe(200);
    expect(body.data).toEqual({ force: { name: "Kent Police", responseTimeAlerts: null } });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ["force", "responseTimeAlerts"], extensions: expect.objectContaining({ code: "FORBIDDEN" }) }),
    ]);
  });

  it("lets a force read its own alerts and vetting, and not another force's", async () => {
    const kent = await mintToken({ role: "FORCE", forceId: "kent" });
    const own = await hub.graphql(
      `{ force(id: "kent") { responseTimeAlerts(from: "2025-04-01", to: "2026-03-31") { ruleId } vetting(from: "2025-04-01", to: "2026-03-31") { applications } } }`,
      undefined,
      kent,
    );
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.force.vetting.applications).toBeGreaterThan(0);
    const other = await hub.graphql(
      `{ force(id: "essex") { name vetting(from: "2025-04-01", to: "2026-03-31") { applications } } }`,
      undefined,
      kent,
    );
    expect(other.body.data).toEqual({ force: { name: "Essex Police", vetting: null } });
    expect(other.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const list = await hub.graphql(`{ responseTimeAlerts(from: "2025-04-01", to: "2026-03-31") { forceId } }`, undefined, kent);
    expect(new Set(list.body.data!.responseTimeAlerts.map((alert: { forceId: string }) => alert.forceId))).toEqual(new Set(["kent"]));
  });

  it("lets HMICFRS read every force's alerts", async () => {
    const { body } = await hub.graphql(ALERTS("essex"), undefined, await mintToken({ role: "HMICFRS" }));
    expect(body.errors).toBeUndefined();
    expect(Array.isArray(body.data!.force.responseTimeAlerts)).toBe(true);
  });

  it("never shares a subgraph call between viewers asking the same question at the same moment", async () => {
    const hmicfrs = await mintToken({ role: "HMICFRS" });
    const answers = await Promise.all([
      hub.graphql(ALERTS("essex")),
      hub.graphql(ALERTS("essex"), undefined, hmicfrs),
      hub.graphql(ALERTS("essex")),
    ]);
    expect(answers.map(({ body }) => body.errors?.[0]?.extensions?.code ?? "OK")).toEqual(["FORBIDDEN", "OK", "FORBIDDEN"]);
    expect(Array.isArray(answers[1].body.data!.force.responseTimeAlerts)).toBe(true);
  });

  it("suppresses small counts in protected-characteristic breakdowns for every role but HOME_OFFICE", async () => {
    const query = `{ force(id: "kent") { misconduct(from: "2025-04-01", to: "2026-03-31") { casesOpened casesBySubjectEthnicity { total cells { category count suppressed reason } } } } }`;
    const hmicfrs = (await hub.graphql(query, undefined, await mintToken({ role: "HMICFRS" }))).body.data!.force.misconduct;
    const homeOffice = (await hub.graphql(query, undefined, await mintToken({ role: "HOME_OFFICE" }))).body.data!.force.misconduct;
    type Cell = { category: string; count: number | null; suppressed: boolean };
    const full = homeOffice.casesBySubjectEthnicity.cells as Cell[];
    expect(full.every((cell) => !cell.suppressed)).toBe(true);
    expect(full.reduce((sum, cell) => sum + cell.count!, 0)).toBe(homeOffice.casesOpened);
    const small = full.filter((cell) => cell.count! > 0 && cell.count! < 10).map((cell) => cell.category);
    expect(small.length).toBeGreaterThan(0);
    const cells = hmicfrs.casesBySubjectEthnicity.cells as Cell[];
    expect(hmicfrs.casesBySubjectEthnicity.total).toBe(homeOffice.casesOpened);
    for (const category of small) expect(cells.find((cell) => cell.category === category)).toMatchObject({ count: null, suppressed: true });
    // Whatever is hidden, at least two cells are: the total minus the cells shown never gives one away.
    expect(cells.filter((cell) => cell.suppressed).length).toBeGreaterThanOrEqual(2);
    for (const cell of cells.filter((shownCell) => !shownCell.suppressed))
      expect(cell.count).toBe(full.find((other) => other.category === cell.category)!.count);
  });

  it("keeps an audit log of every operation that only HOME_OFFICE can read, secrets redacted", async () => {
    const hmicfrs = await mintToken({ role: "HMICFRS" });
    await hub.graphql(
      "query KentName($id: ID!, $secretRegion: String) { force(id: $id) { name } forces(region: $secretRegion) { id } }",
      { id: "kent", secretRegion: "Wales" },
      hmicfrs,
    );
    const refused = await hub.graphql(`{ auditLog { id } }`, undefined, hmicfrs);
    expect(refused.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const homeOffice = await mintToken({ role: "HOME_OFFICE" });
    const read = async () =>
      (
        await hub.graphql(
          `{ auditLog(subject: "test-hmicfrs", limit: 10) { role operationName documentSha256 variables outcome errorCodes } }`,
          undefined,
          homeOffice,
        )
      ).body;
    const recorded = async () =>
      ((await read()).data?.auditLog ?? []).map(
        (entry: { operationName: string | null; outcome: string }) => `${entry.operationName}:${entry.outcome}`,
      );
    await expect.poll(recorded, { timeout: 5_000 }).toEqual(expect.arrayContaining(["KentName:OK", "null:PARTIAL"]));
    const entries = (await read()).data!.auditLog;
    expect(entries).toContainEqual({
      role: "HMICFRS",
      operationName: "KentName",
      documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      variables: { id: "kent", secretRegion: "[redacted]" },
      outcome: "OK",
      errorCodes: [],
    });
    expect(entries).toContainEqual(expect.objectContaining({ role: "HMICFRS", outcome: "PARTIAL", errorCodes: ["FORBIDDEN"] }));
  });

  it.each([
    ["an expired token", () => mintToken({ role: "HOME_OFFICE" }, { expiresIn: "-1m" })],
    ["a token for another audience", () => mintToken({ role: "HOME_OFFICE" }, { audience: "someone-else" })],
    ["a forged token", async () => `${(await mintToken({ role: "HOME_OFFICE" })).slice(0, -4)}AAAA`],
    ["a FORCE token without its force", () => mintToken({ role: "FORCE" })],
  ])("refuses %s with 401 UNAUTHENTICATED", async (_case, token) => {
    const { status, body } = await hub.graphql("{ forces { id } }", undefined, await token());
    expect(status).toBe(401);
    expect(body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
  });

  it("refuses subgraph calls that are unsigned, tampered with or stale, health probes included", async () => {
    const url = hub.subgraphUrls.workforce;
    const body = JSON.stringify({ query: "{ _service { sdl } }" });
    const viewer = { subject: "x", role: "HOME_OFFICE" as const };
    const post = (headers: Record<string, string>, sent = body) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: sent });
    expect((await post({})).status).toBe(401);
    expect((await post(signRequest(TEST_SECRET, viewer, body), body.replace("sdl", "sdl "))).status).toBe(401);
    expect((await post(signRequest(TEST_SECRET, viewer, body, Date.now() - 60_000))).status).toBe(401);
    expect((await post(signRequest("not-the-secret", viewer, body))).status).toBe(401);
    expect((await post(signRequest(TEST_SECRET, viewer, body))).status).toBe(200);
    expect((await fetch(new URL("/readyz", url))).status).toBe(401);
    expect((await postJson(url, { query: "{ __typename }" })).status).toBe(401);
  });
});
