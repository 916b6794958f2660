import pino, { type Logger } from "pino";

const LEVELS = ["trace", "debug", "info", "warn", "error"];

/**
 * Above error: a process's start and readiness lines, which `npm start` and the benchmarks wait
 * for, are written whatever LOG_LEVEL says.
 */
const LIFECYCLE = { lifecycle: 55 };

export type HubLogger = Logger<"lifecycle">;

/**
 * Structured logs: one JSON object per line (pino), or readable lines on a terminal or with
 * LOG_FORMAT=pretty (`npm start` sets it for its processes when it runs on one; LOG_FORMAT=json
 * keeps JSON). LOG_LEVEL sets the level (info by default; warn drops the line per request). Never
 * given a token, a secret or a person's data: request lines carry the operation name, the viewer's
 * role, the outcome and the trace id only.
 */
export function createLogger(service: string, env: NodeJS.ProcessEnv = process.env): HubLogger {
  // One per service and process: the entry's start line and the request observer share it (and, on a terminal, its pretty-printing worker).
  let logger = loggers.get(service);
  if (!logger) loggers.set(service, (logger = newLogger(service, env)));
  return logger;
}

const loggers = new Map<string, HubLogger>();

function newLogger(service: string, env: NodeJS.ProcessEnv): HubLogger {
  const level = env.LOG_LEVEL || "info";
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")}, got "${level}"`);
  const pretty = env.LOG_FORMAT === "pretty" || (process.stdout.isTTY && env.LOG_FORMAT !== "json");
  return pino<"lifecycle">({
    level,
    customLevels: LIFECYCLE,
    base: { service },
    redact: { paths: ["authorization", "*.authorization", "token", "*.token", "headers"], remove: true },
    ...(pretty
      ? {
          transport: {
            target: "pino-pretty",
            options: {
              ignore: "pid,hostname",
              translateTime: "SYS:HH:MM:ss.l",
              customLevels: "lifecycle:55",
              customColors: "lifecycle:green",
              useOnlyCustomProps: false,
            },
          },
        }
      : {}),
  });
}
