import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface ChildOptions {
  env: NodeJS.ProcessEnv;
  /** A line of the child's output that says it is ready to serve. */
  readyLine: RegExp;
  /** Print the child's output, prefixed with its name (else only kept for the error when it dies). */
  echo?: boolean;
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

/** Runs `node <args>` (TypeScript through tsx); `ready` resolves once it prints its ready line and rejects with its last output if it exits first. */
export function startChild(name: string, args: string[], { env, readyLine, echo = true, onExit }: ChildOptions): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  const ready = new Promise<void>((resolve, reject) => {
    const prefix = `[${name}]`.padEnd(19);
    const tail: string[] = [];
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on("line", (line) => {
        if (echo) console.log(`${prefix} ${line}`);
        tail.push(line);
        if (tail.length > 20) tail.shift();
        if (readyLine.test(line)) resolve();
      });
    }
    child.on("exit", (code, signal) => {
      reject(new Error(`${name} exited with ${signal ? `signal ${signal}` : `code ${code}`}:\n${tail.join("\n")}`));
      onExit?.(code, signal);
    });
  });
  return { child, ready };
}
