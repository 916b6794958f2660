/** A measure as the catalogue gives it. */
export interface CatalogueMeasure {
  id: string;
  name: string;
  unit: string;
  precision: number;
  direction: string;
  groupValue: string;
  definition: string;
  snapshot: boolean;
  sourceKinds: string[];
  periods: { firstDay: string | null; lastDay: string | null; snapshotDates: string[] };
}

export interface CatalogueForce {
  id: string;
  name: string;
  region: { id: string; name: string };
  mostSimilarGroupForceIds: string[];
}

export interface Catalogue {
  measures: CatalogueMeasure[];
  forces: CatalogueForce[];
}

/** One tidy row of `figures`. */
export interface FigureRow {
  force: { id: string; name: string };
  measure: { id: string };
  periodFrom: string;
  periodTo: string;
  value: number | null;
  unit: string;
  coverage: { complete: boolean; reason: string | null };
  synthetic: boolean;
  sources: { kind: string; file: string; publishedOn: string; synthetic: boolean }[];
  qualityNotes: string[];
  national: number | null;
  region: number | null;
  mostSimilarGroup: number | null;
  rank: number | null;
  forcesRanked: number;
  populationBasis: string | null;
}

export interface FigureAnswer {
  synthetic: boolean;
  rows: FigureRow[];
}
