import type { Interval } from "./periods.ts";
import type { Catalogue } from "./types.ts";

/** Which forces a table shows: all, a region's, a force with its most similar group, or those picked. */
export type ForceChoice =
  { kind: "all" } | { kind: "region"; regionId: string } | { kind: "group"; forceId: string } | { kind: "pick"; forceIds: string[] };

/** Every choice the analyst makes: what a permalink restores. */
export interface Choices {
  measures: string[];
  forces: ForceChoice;
  interval: Interval;
  from: string;
  to: string;
  view: "table" | "chart";
  chart: "compare" | "trend";
}

export const DEFAULT_CHOICES: Choices = {
  measures: [],
  forces: { kind: "all" },
  interval: "FINANCIAL_YEAR",
  from: "",
  to: "",
  view: "table",
  chart: "compare",
};

function forcesFrom(value: string | null): ForceChoice {
  const [kind, rest = ""] = (value ?? "all").split(":");
  if (kind === "region" && rest) return { kind, regionId: rest };
  if (kind === "group" && rest) return { kind, forceId: rest };
  if (kind === "pick") return { kind, forceIds: rest.split(",").filter(Boolean) };
  return { kind: "all" };
}

function forcesParam(choice: ForceChoice): string {
  if (choice.kind === "region") return `region:${choice.regionId}`;
  if (choice.kind === "group") return `group:${choice.forceId}`;
  if (choice.kind === "pick") return `pick:${choice.forceIds.join(",")}`;
  return "all";
}

/** The choices a link carries (`?measures=…&forces=…&interval=…&from=…&to=…&view=…&chart=…&run=1`). */
export function choicesFromAddress(search: string): { choices: Choices; run: boolean } {
  const params = new URLSearchParams(search);
  const choices: Choices = {
    measures: (params.get("measures") ?? "").split(",").filter(Boolean),
    forces: forcesFrom(params.get("forces")),
    interval: (params.get("interval") as Interval | null) ?? DEFAULT_CHOICES.interval,
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    view: params.get("view") === "chart" ? "chart" : "table",
    chart: params.get("chart") === "trend" ? "trend" : "compare",
  };
  return { choices, run: params.get("run") === "1" };
}

export function addressOf(choices: Choices, run: boolean): string {
  const params = new URLSearchParams({
    measures: choices.measures.join(","),
    forces: forcesParam(choices.forces),
    interval: choices.interval,
    from: choices.from,
    to: choices.to,
    view: choices.view,
    chart: choices.chart,
  });
  if (run) params.set("run", "1");
  return `${window.location.pathname}?${params}`;
}

/** The force ids the figures query asks for; null (every force) for all. */
export function forceIdsOf(choice: ForceChoice, catalogue: Catalogue): string[] | null {
  if (choice.kind === "all") return null;
  if (choice.kind === "region") return catalogue.forces.filter((force) => force.region.id === choice.regionId).map((force) => force.id);
  if (choice.kind === "group") {
    const anchor = catalogue.forces.find((force) => force.id === choice.forceId);
    return anchor ? [anchor.id, ...anchor.mostSimilarGroupForceIds.filter((id) => id !== anchor.id)] : [];
  }
  return choice.forceIds;
}

/** The forces in words, for titles: `all 43 forces`, `South East region`, `Kent Police and its most similar group`. */
export function describeForces(choice: ForceChoice, catalogue: Catalogue): string {
  const name = (id: string) => catalogue.forces.find((force) => force.id === id)?.name ?? id;
  if (choice.kind === "all") return `all ${catalogue.forces.length} forces`;
  if (choice.kind === "region")
    return `${catalogue.forces.find((force) => force.region.id === choice.regionId)?.region.name ?? choice.regionId} region`;
  if (choice.kind === "group") return `${name(choice.forceId)} and its most similar group`;
  return choice.forceIds.length > 3 ? `${choice.forceIds.length} forces` : choice.forceIds.map(name).join(", ");
}

/** The variables of the figures query for these choices. */
export const variablesOf = (choices: Choices, catalogue: Catalogue) => ({
  measures: choices.measures,
  forces: forceIdsOf(choices.forces, catalogue),
  from: choices.from,
  to: choices.to,
  interval: choices.interval,
});
