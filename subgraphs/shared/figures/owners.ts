import type { SubgraphName } from "../../../shared/config.ts";

/** The subgraphs that own measures, each contributing its measures' rows and definitions to the figures API. */
export type MeasureOwner = Exclude<SubgraphName, "forces">;

/**
 * The hidden (@inaccessible) fields each owner adds to the FigureTable and Measure entities; the
 * forces subgraph reads them through @requires and serves the public fields from whichever is set.
 */
export const OWNER_FIELDS: Record<MeasureOwner, { rows: string; definition: string }> = {
  "response-times": { rows: "responseTimesRows", definition: "responseTimesDefinition" },
  "crime-priorities": { rows: "crimePrioritiesRows", definition: "crimePrioritiesDefinition" },
  workforce: { rows: "workforceRows", definition: "workforceDefinition" },
  misconduct: { rows: "misconductRows", definition: "misconductDefinition" },
};
