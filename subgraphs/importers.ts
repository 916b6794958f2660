import { misconductCasesImporter } from "./misconduct/importers/misconduct-cases.ts";
import { vettingReturnsImporter } from "./misconduct/importers/vetting-returns.ts";
import { comparisonGroupsImporter } from "./forces/importers/comparison-groups.ts";
import { onsPopulationImporter } from "./forces/importers/ons-population.ts";
import { hoRecordedCrimeImporter } from "./crime-priorities/importers/ho-recorded-crime.ts";
import { onsKnifeCrimeImporter } from "./crime-priorities/importers/ons-knife-crime.ts";
import { policeUkOutcomesImporter } from "./crime-priorities/importers/police-uk-outcomes.ts";
import { policeUkStopSearchImporter } from "./crime-priorities/importers/police-uk-stop-search.ts";
import { policeUkStreetImporter } from "./crime-priorities/importers/police-uk-street.ts";
import { calls999Importer } from "./response-times/importers/calls-999.ts";
import { responseIncidentsImporter } from "./response-times/importers/response-incidents.ts";
import { SUBGRAPH_NAMES, type SubgraphName } from "../shared/config.ts";
import type { SqlClient } from "./shared/database/open.ts";
import type { Importer } from "./shared/ingest/importer.ts";
import { revisableTables, type RevisableTable } from "./shared/ingest/withdraw.ts";
import { hoWorkforceImporter } from "./workforce/importers/ho-workforce.ts";
import { hoWorkforceFunctionsImporter } from "./workforce/importers/ho-workforce-functions.ts";
import { hoWorkforceTablesImporter } from "./workforce/importers/ho-workforce-tables.ts";

/** Every kind of file `hub import` loads, by kind. */
export const IMPORTERS: Record<string, Importer<unknown, unknown>> = Object.fromEntries(
  [
    responseIncidentsImporter,
    calls999Importer,
    policeUkStreetImporter,
    policeUkOutcomesImporter,
    policeUkStopSearchImporter,
    hoRecordedCrimeImporter,
    onsKnifeCrimeImporter,
    hoWorkforceImporter,
    hoWorkforceFunctionsImporter,
    hoWorkforceTablesImporter,
    misconductCasesImporter,
    vettingReturnsImporter,
    comparisonGroupsImporter,
    onsPopulationImporter,
  ].map((importer) => [importer.kind, importer as Importer<unknown, unknown>]),
);

/** The tables each subgraph's loads write, as their importers declare them: what `hub withdraw` takes back. */
export const REVISABLE_TABLES = Object.fromEntries(
  SUBGRAPH_NAMES.map((subgraph) => [
    subgraph,
    revisableTables(Object.values(IMPORTERS).filter((importer) => importer.subgraph === subgraph)),
  ]),
) as Record<SubgraphName, RevisableTable[]>;

/** What a subgraph's importers do after rows change in some units (e.g. refresh pre-aggregates), run after a withdrawal too. */
export const afterRowsChange = (subgraph: SubgraphName) => async (sql: SqlClient, units: string[]) => {
  for (const importer of Object.values(IMPORTERS)) if (importer.subgraph === subgraph) await importer.afterLoad?.(sql, units);
};
