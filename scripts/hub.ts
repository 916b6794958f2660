/**
 * The hub's command line (also `npm run import -- …` for import). It opens the subgraphs'
 * databases itself, so with the embedded database stop `npm start` first; with PostgreSQL it can
 * run beside the hub. Exit codes: 0 done, 1 failed (one line says why) or a file rejected, 2 usage.
 */
import { IMPORTERS } from "../subgraphs/importers.ts";
import { batchesCommand } from "./hub/batches.ts";
import { UsageError } from "./hub/cli.ts";
import { importCommand } from "./hub/import.ts";
import { statusCommand } from "./hub/status.ts";
import { sampleCommand, withdrawCommand } from "./hub/withdraw.ts";

const USAGE = `usage:
  hub import <kind> <file or folder> [--published-on YYYY-MM-DD] [--sheet NAME] [--skip-invalid] [--json] [--report FILE]
  hub batches [--kind K] [--force F] [--subgraph S] [--json]
  hub withdraw <subgraph>:<id> [--json]
  hub sample remove [--json]
  hub status [--json]
kinds:
${Object.values(IMPORTERS)
  .map((importer) => `  ${importer.kind.padEnd(24)} ${importer.description}`)
  .join("\n")}`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  import: importCommand,
  batches: batchesCommand,
  withdraw: withdrawCommand,
  sample: sampleCommand,
  status: statusCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (!command || !COMMANDS[command]) throw new UsageError(command ? `unknown command "${command}"` : "name a command");
    return await COMMANDS[command](args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`hub: ${error.message}\n${USAGE}`);
      return 2;
    }
    // One clear line, never a stack trace: the operator needs the reason, not our call stack.
    console.error(`hub ${command}: ${(error as Error).message.split("\n")[0]}`);
    return 1;
  }
}

process.exit(await main(process.argv.slice(2)));
