import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** GraphiQL bundled with its Monaco workers: the explorer loads nothing from outside the hub. */
export default defineConfig({
  root: new URL(".", import.meta.url).pathname,
  base: "/explorer/",
  plugins: [react()],
  // Built outside the source tree: generated bundles are not code to read or lint.
  // Two pages: the explorer, and the table tool (tables/index.html), served by the gateway at /tables/.
  build: {
    outDir: "../../.build/explorer",
    emptyOutDir: true,
    chunkSizeWarningLimit: 8_000,
    rollupOptions: {
      input: { explorer: new URL("index.html", import.meta.url).pathname, tables: new URL("tables/index.html", import.meta.url).pathname },
    },
  },
  logLevel: "warn",
});
