import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** GraphiQL bundled with its Monaco workers: the explorer loads nothing from outside the hub. */
export default defineConfig({
  root: new URL(".", import.meta.url).pathname,
  base: "/explorer/",
  plugins: [react()],
  // Built outside the source tree: generated bundles are not code to read or lint.
  build: { outDir: "../../.build/explorer", emptyOutDir: true, chunkSizeWarningLimit: 8_000 },
  logLevel: "warn",
});
