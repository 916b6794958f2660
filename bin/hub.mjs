#!/usr/bin/env node
// Compiles the command line (well under a second, see scripts/build-runtime.mjs) and runs it.
await import("../scripts/build-runtime.mjs");
await import("../.build/runtime/scripts/hub.js");
