#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so `hub` needs no build step.
import { register } from "tsx/esm/api";

register();
await import("../scripts/hub.ts");
