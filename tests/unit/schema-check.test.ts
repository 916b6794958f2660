import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Kind, parse, print, visit, type FieldDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { checkSchema } from "../../scripts/support/schema-check.ts";

const released = readFileSync("schema/released.graphql", "utf8");

/** The released schema with one field of one type removed, or marked @deprecated. */
function withField(sdl: string, typeName: string, fieldName: string, change: "remove" | "deprecate"): string {
  let inType = "";
  return print(
    visit(parse(sdl), {
      ObjectTypeDefinition: { enter: (node) => void (inType = node.name.value), leave: () => void (inType = "") },
      FieldDefinition(node: FieldDefinitionNode) {
        if (inType !== typeName || node.name.value !== fieldName) return undefined;
        if (change === "remove") return null;
        return {
          ...node,
          directives: [
            ...(node.directives ?? []),
            {
              kind: Kind.DIRECTIVE,
              name: { kind: Kind.NAME, value: "deprecated" },
              arguments: [
                {
                  kind: Kind.ARGUMENT,
                  name: { kind: Kind.NAME, value: "reason" },
                  value: { kind: Kind.STRING, value: "Use something else" },
                },
              ],
            },
          ],
        };
      },
    }),
  );
}

describe("schema checks against the released schema", () => {
  it("npm run schema:check passes on main", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/schema.ts", "check"]);
    expect(stdout).toMatch(/schema check passed: .* 0 breaking/);
    // A process compiled through tsx: over 5 s on a loaded machine.
  }, 60_000);

  it("fails when a field that was not deprecated is removed", async () => {
    const { refused } = await checkSchema(released, withField(released, "Force", "gssCode", "remove"));
    expect(refused.map((change) => change.path)).toEqual(["Force.gssCode"]);
  });

  it("passes when the removed field was @deprecated in the released schema", async () => {
    const deprecatedRelease = withField(released, "Force", "gssCode", "deprecate");
    const { refused, allowedAfterDeprecation } = await checkSchema(deprecatedRelease, withField(released, "Force", "gssCode", "remove"));
    expect(refused).toEqual([]);
    expect(allowedAfterDeprecation.map((change) => change.path)).toEqual(["Force.gssCode"]);
  });

  it("the command fails with one line per breaking change and no stack trace", async () => {
    const folder = mkdtempSync(join(tmpdir(), "schema-check-"));
    writeFileSync(join(folder, "current.graphql"), withField(released, "Force", "gssCode", "remove"));
    const run = promisify(execFile)(process.execPath, [
      "--import",
      "tsx",
      "scripts/schema.ts",
      "check",
      "--current",
      join(folder, "current.graphql"),
    ]);
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim().split("\n")).toEqual([
      "breaking: Field 'gssCode' was removed from object type 'Force' (Force.gssCode was not @deprecated in schema/released.graphql)",
      "schema check failed: 1 breaking change; deprecate first, release, and remove in a later release",
    ]);
  }, 60_000);
});
