// Generates each subgraph's Prisma client. The CLI tries to download a native
// schema engine that generate never uses, so it is pointed at /bin/true and nothing is downloaded.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const root = new URL("../prisma/", import.meta.url);
const subgraphs = existsSync(root) ? readdirSync(root).filter((name) => existsSync(new URL(`${name}/schema.prisma`, root))) : [];
for (const name of subgraphs) {
  execFileSync("npx", ["prisma", "generate", "--schema", `prisma/${name}/schema.prisma`], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
}
