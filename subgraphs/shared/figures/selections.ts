import { OWNER_FIELDS } from "./owners.ts";

const SOURCE = "sources { batchId kind file importedAt synthetic publishedOn publishedOnSource }";
const FIGURE = `forceId measureId periodFrom periodTo value unit coverage { complete reason } synthetic ${SOURCE} qualityNotes national region mostSimilarGroup rank forcesRanked populationBasis`;
const DEFINITION = "name unit precision direction groupValue definition snapshot sourceKinds periods { firstDay lastDay snapshotDates }";

const owners = Object.values(OWNER_FIELDS);

/** What the forces subgraph @requires to serve a table's rows: every owner's rows, whole. */
export const OWNER_ROWS = owners.map(({ rows }) => `${rows} { ${FIGURE} }`).join(" ");

/** What it @requires to serve a measure's definition: every owner's entry (only the owner's is set). */
export const OWNER_DEFINITIONS = owners.map(({ definition }) => `${definition} { ${DEFINITION} }`).join(" ");
