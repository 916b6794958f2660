import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { READY_MESSAGE } from "../../shared/process/ready.ts";
import { projectPath } from "../../shared/project-path.ts";

export interface ChildOptions {
  env: NodeJS.ProcessEnv;
  /** Print the child's output, prefixed with its name (else only kept for the error when it dies). */
  echo?: boolean;
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

/** A process running from the compiled runtime (npm start) starts its children from it too; one from source (tests, development) through tsx. */
const RUNNING_COMPILED = import.meta.url.includes("/.build/runtime/");

/**
 * `node` arguments for an entry given as its TypeScript source, e.g. `subgraphs/forces/index.ts`, after
 * any flags of node's own: its compiled file when the child's HUB_RUNTIME is `compiled` (or unset and
 * this process is compiled) and it has one, else the source through tsx.
 */
export function nodeArguments(args: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const compiled = projectPath(".build/runtime", args.at(-1)!.replace(/\.ts$/, ".js"));
  const wanted = (env.HUB_RUNTIME ?? (RUNNING_COMPILED ? "compiled" : "source")) === "compiled";
  return wanted && existsSync(compiled) ? [...args.slice(0, -1), compiled] : ["--import", "tsx", ...args];
}

/**
 * Runs `node <args>` (see nodeArguments) with an IPC channel; `ready` resolves once the child reports
 * it serves (reportReady) and rejects with its last output if it exits first.
 */
export function startChild(
  name: string,
  args: string[],
  { env, echo = true, onExit }: ChildOptions,
): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, nodeArguments(args, env), { env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  const ready = new Promise<void>((resolve, reject) => {
    const prefix = `[${name}]`.padEnd(19);
    const tail: string[] = [];
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on("line", (line) => {
        if (echo) console.log(`${prefix} ${line}`);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      });
    }
    child.on("message", (message) => message === READY_MESSAGE && resolve());
    child.on("exit", (code, signal) => {
      reject(new Error(`${name} exited with ${signal ? `signal ${signal}` : `code ${code}`}:\n${tail.join("\n")}`));
      onExit?.(code, signal);
    });
  });
  return { child, ready };
}
