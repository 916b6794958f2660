import { misconductCasesImporter } from "./misconduct/importers/misconduct-cases.ts";
import { vettingReturnsImporter } from "./misconduct/importers/vetting-returns.ts";
import { comparisonGroupsImporter } from "./forces/importers/comparison-groups.ts";
import { hoRecordedCrimeImporter } from "./crime-priorities/importers/ho-recorded-crime.ts";
import { policeUkOutcomesImporter } from "./crime-priorities/importers/police-uk-outcomes.ts";
import { policeUkStopSearchImporter } from "./crime-priorities/importers/police-uk-stop-search.ts";
import { policeUkStreetImporter } from "./crime-priorities/importers/police-uk-street.ts";
import { calls999Importer } from "./response-times/importers/calls-999.ts";
import { responseIncidentsImporter } from "./response-times/importers/response-incidents.ts";
import type { Importer } from "./shared/ingest/importer.ts";
import { hoWorkforceImporter } from "./workforce/importers/ho-workforce.ts";

/** Every kind of file `hub import` loads, by kind. */
export const IMPORTERS: Record<string, Importer<unknown, unknown>> = Object.fromEntries(
  [responseIncidentsImporter, calls999Importer, policeUkStreetImporter, policeUkOutcomesImporter, policeUkStopSearchImporter, hoRecordedCrimeImporter, hoWorkforceImporter, misconductCasesImporter, vettingReturnsImporter, comparisonGroupsImporter].map((importer) => [importer.kind, importer as Importer<unknown, unknown>]),
);
