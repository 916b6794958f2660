import { parse, print } from "graphql";

/**
 * The table tool's operations. They are registered trusted documents (schema/persisted-query-manifest.json),
 * so a viewer who is not signed in can run them where only registered operations are served.
 */
export const TABLE_CATALOGUE = `query TableCatalogue {
  measures { id name unit precision direction groupValue definition snapshot sourceKinds periods { firstDay lastDay snapshotDates } }
  forces { id name region { id name } mostSimilarGroupForceIds }
}`;

export const TABLE_FIGURES = `query TableFigures($measures: [MeasureId!]!, $forces: [ID!], $from: LocalDate!, $to: LocalDate!, $interval: Interval!) {
  figures(measures: $measures, forces: $forces, from: $from, to: $to, interval: $interval) {
    synthetic
    rows {
      force { id name }
      measure { id }
      periodFrom periodTo value unit
      coverage { complete reason }
      synthetic
      sources { kind file publishedOn synthetic }
      qualityNotes national region mostSimilarGroup rank forcesRanked populationBasis
    }
  }
}`;

export const TABLE_OPERATIONS = `${TABLE_CATALOGUE}\n\n${TABLE_FIGURES}\n`;

/** The text as the manifest registers it (graphql's printer), so its hash is the registered id. */
export const registeredText = (operation: string) => print(parse(operation));
