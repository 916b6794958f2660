import { parse, print, type OperationDefinitionNode } from "graphql";
import { EXAMPLE_OPERATIONS } from "../../gateway/explorer/src/example-operations.ts";
import { referenceForces } from "../../subgraphs/shared/reference/forces.ts";
import { NATIONAL_PICTURE, ONE_FORCE_PICTURE } from "../../tests/support/queries.ts";
import { mintToken } from "../../tests/support/hub.ts";

export interface DashboardRequest {
  label: string;
  body: string;
  headers: Record<string, string>;
}

/** One of the explorer's example operations, alone in its document, as a front-end would register it. */
function exampleOperation(name: string): string {
  const operation = parse(EXAMPLE_OPERATIONS).definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === "OperationDefinition" && definition.name?.value === name,
  );
  if (!operation) throw new Error(`no example operation ${name}`);
  return print(operation);
}

const FORCE_IDS = referenceForces().map((force) => force.id);
const onePicture = (forceId: string) => ONE_FORCE_PICTURE.replace('"kent"', `"${forceId}"`);
const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/**
 * What Home Office dashboards ask, in the proportions they ask it: the 43 force pages (the public,
 * and HMICFRS signed in), the national picture, the league table and each force's comparisons; a
 * FORCE user looks at its own force. Fixed order, so both gateways see the same sequence.
 */
export async function dashboardMix(): Promise<DashboardRequest[]> {
  const hmicfrs = { authorization: `Bearer ${await mintToken({ role: "HMICFRS" })}` };
  const kent = { authorization: `Bearer ${await mintToken({ role: "FORCE", forceId: "kent" })}` };
  const leagueTable = exampleOperation("ResponseTimeLeagueTable");
  const comparisons = exampleOperation("ForceComparisons");
  const mix: DashboardRequest[] = [];
  FORCE_IDS.forEach((forceId, index) => {
    mix.push({ label: `force page ${forceId} (public)`, body: body(onePicture(forceId)), headers: {} });
    mix.push({ label: `comparisons ${forceId} (public)`, body: body(comparisons, { force: forceId }), headers: {} });
    if (index % 2 === 0) mix.push({ label: `force page ${forceId} (HMICFRS)`, body: body(onePicture(forceId)), headers: hmicfrs });
    if (index % 4 === 0) mix.push({ label: "national picture (public)", body: body(NATIONAL_PICTURE), headers: {} });
    if (index % 4 === 1) mix.push({ label: "national picture (HMICFRS)", body: body(NATIONAL_PICTURE), headers: hmicfrs });
    if (index % 4 === 2) mix.push({ label: "league table (public)", body: body(leagueTable), headers: {} });
    if (index % 8 === 3) mix.push({ label: "kent page (FORCE kent)", body: body(onePicture("kent")), headers: kent });
  });
  return mix;
}

/** A different force's picture each time, nothing repeated within 43 requests: what no cache helps. */
export function differentForceEachTime(): DashboardRequest[] {
  return FORCE_IDS.map((forceId) => ({ label: `force page ${forceId}`, body: body(onePicture(forceId)), headers: {} }));
}
