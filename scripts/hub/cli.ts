/** A mistake in how a command was called: the usage is printed and the exit code is 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** Splits arguments into positional ones, known flags and known options with a value; anything else is a usage error. */
export function parseArgs(args: string[], known: { flags?: string[]; options?: string[] } = {}): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], flags: new Set(), options: new Map() };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (!arg.startsWith("--")) parsed.positional.push(arg);
    else if (known.flags?.includes(arg)) parsed.flags.add(arg);
    else if (known.options?.includes(arg)) {
      const value = args[++index];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      parsed.options.set(arg, value);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return parsed;
}

/** Rows as aligned columns for a terminal. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
