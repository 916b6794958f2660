import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from "graphql";

/** One registered operation, as `@apollo/generate-persisted-query-manifest` writes it. */
export interface ManifestOperation {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

/** The persisted query manifest (format `apollo-persisted-query-manifest`, version 1). */
export interface PersistedQueryManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: ManifestOperation[];
}

export const MANIFEST_PATH = "schema/persisted-query-manifest.json";

/** The id Apollo Client and Apollo Server give a document: the SHA-256 of its text, in hex. */
export const operationId = (body: string) => createHash("sha256").update(body).digest("hex");

/** The fragments an operation uses, directly or through other fragments. */
function fragmentsUsedBy(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          walk(fragment);
        }
      },
    });
  walk(operation);
  return [...used.values()];
}

/** Each named operation of a document, printed on its own with the fragments it uses, as the manifest registers it. */
export function manifestOf(document: DocumentNode): PersistedQueryManifest {
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const operations = document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      if (!operation.name) throw new Error("every registered operation needs a name");
      const body = print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsUsedBy(operation, fragments)] });
      return { id: operationId(body), name: operation.name.value, type: operation.operation, body };
    });
  return { format: "apollo-persisted-query-manifest", version: 1, operations };
}

/** The manifest's operations by id; a file in another format is refused with one line saying so. */
export function readManifest(path = MANIFEST_PATH): Map<string, ManifestOperation> {
  const manifest = JSON.parse(readFileSync(path, "utf8")) as PersistedQueryManifest;
  if (manifest.format !== "apollo-persisted-query-manifest" || manifest.version !== 1)
    throw new Error(`${path}: not an apollo-persisted-query-manifest, version 1`);
  return new Map(manifest.operations.map((operation) => [operation.id, operation]));
}

/** The documents the hub registers: the explorer's example operations and the table tool's. */
export async function registeredDocuments(): Promise<DocumentNode> {
  const [{ EXAMPLE_OPERATIONS }, { TABLE_OPERATIONS }] = await Promise.all([
    import("../explorer/src/example-operations.ts"),
    import("../explorer/src/tables/operations.ts"),
  ]);
  return parse(`${EXAMPLE_OPERATIONS}\n${TABLE_OPERATIONS}`);
}
