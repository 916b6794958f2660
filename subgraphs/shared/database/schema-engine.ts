import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

type Engine = Awaited<ReturnType<typeof bindings.SchemaEngine.new>>;
let instantiated: Promise<void> | undefined;

/**
 * The package imports its .wasm as an ES module, which Node 20 only allows behind a
 * flag; instantiating it here keeps `node`, `tsx` and vitest flag-free.
 */
function instantiateWasm(): Promise<void> {
  instantiated ??= (async () => {
    const bindingsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = join(dirname(bindingsPath), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return instantiated;
}

export async function withSchemaEngine<T>(
  schema: { fileName: string; text: string },
  adapter: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: Engine) => Promise<T>,
): Promise<T> {
  await instantiateWasm();
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schema.fileName, schema.text]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}
