/**
 * npm run schema:check — the composed supergraph's API schema against the last released one
 * (schema/released.graphql): fails on a breaking change unless what it removes or changes was
 * @deprecated in the released schema. npm run schema:release — records the current API schema as
 * released. `check --released <file> --current <file>` compares two API schemas instead.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkSchema, printApiSchema } from "./support/schema-check.ts";

const SUPERGRAPH = "schema/supergraph.graphql";
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { released: { type: "string" }, current: { type: "string" } },
});
const RELEASED = values.released ?? "schema/released.graphql";

async function main(command: string | undefined): Promise<number> {
  const current = values.current ? readFileSync(values.current, "utf8") : printApiSchema(readFileSync(SUPERGRAPH, "utf8"));
  if (command === "release") {
    writeFileSync(RELEASED, current);
    console.log(`${RELEASED}: the API schema of ${SUPERGRAPH} is now the released schema`);
    return 0;
  }
  if (command !== "check") {
    console.error("usage: tsx scripts/schema.ts check | release");
    return 2;
  }
  if (!existsSync(RELEASED)) {
    console.error(`${RELEASED} is missing: run npm run schema:release to record the schema front-ends rely on`);
    return 1;
  }
  const { refused, allowedAfterDeprecation, dangerous, safe } = await checkSchema(readFileSync(RELEASED, "utf8"), current);
  for (const change of allowedAfterDeprecation) console.log(`allowed (deprecated in the released schema): ${change.message}`);
  for (const change of dangerous) console.log(`dangerous: ${change.message}`);
  for (const change of refused) console.error(`breaking: ${change.message} (${change.path} was not @deprecated in ${RELEASED})`);
  if (refused.length) {
    console.error(
      `schema check failed: ${refused.length} breaking change${refused.length === 1 ? "" : "s"}; deprecate first, release, and remove in a later release`,
    );
    return 1;
  }
  console.log(
    `schema check passed: ${safe.length} safe, ${dangerous.length} dangerous, ${allowedAfterDeprecation.length} allowed after deprecation, 0 breaking`,
  );
  return 0;
}

process.exitCode = await main(positionals[0]);
