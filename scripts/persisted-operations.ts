/** Rebuilds schema/persisted-query-manifest.json from the operations the hub registers: npm run persisted-operations. */
import { writeFileSync } from "node:fs";
import { MANIFEST_PATH, manifestOf, registeredDocuments } from "../gateway/trusted-documents/manifest.ts";

const manifest = manifestOf(await registeredDocuments());
writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Registered ${manifest.operations.length} operations in ${MANIFEST_PATH}`);
