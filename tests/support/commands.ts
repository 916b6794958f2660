import { nodeArguments } from "../../scripts/support/child-process.ts";

/** `node` arguments running one of the hub's entries as npm start runs it: compiled (see compile-runtime.ts), then its own arguments. */
export const compiledEntry = (entry: string, ...args: string[]) => [...nodeArguments([entry], { HUB_RUNTIME: "compiled" }), ...args];

/** `node` arguments for the hub command (`hub import`, `hub status`, …). */
export const hubCommand = (...args: string[]) => compiledEntry("scripts/hub.ts", ...args);
