import pino, { type Logger } from "pino";

/**
 * Structured logs: one JSON object per line (pino), or readable lines on a terminal or with LOG_FORMAT=pretty
 * (`npm start` sets it for its processes when it runs on one; LOG_FORMAT=json keeps JSON). LOG_LEVEL sets the level (info by default). Never given a token, a secret or a person's data:
 * request lines carry the operation name, the viewer's role, the outcome and the trace id only.
 */
export function createLogger(service: string, env: NodeJS.ProcessEnv = process.env): Logger {
  const level = env.LOG_LEVEL ?? "info";
  const pretty = env.LOG_FORMAT === "pretty" || (process.stdout.isTTY && env.LOG_FORMAT !== "json");
  return pino({
    level,
    base: { service },
    redact: { paths: ["authorization", "*.authorization", "token", "*.token", "headers"], remove: true },
    ...(pretty ? { transport: { target: "pino-pretty", options: { ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss.l" } } } : {}),
  });
}
