import { projectPath } from "../shared/project-path.ts";

/** The explorer's bundle, built by `npm ci` (vite): served by the gateway, built by the launcher when missing. */
export const EXPLORER_DIST = projectPath(".build/explorer/");
