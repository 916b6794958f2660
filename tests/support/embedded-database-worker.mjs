// A worker thread does not inherit the test's TypeScript loader: tsx is registered here, then the thread's module loaded.
import { register } from "tsx/esm/api";

register();
await import("./embedded-database-worker.ts");
