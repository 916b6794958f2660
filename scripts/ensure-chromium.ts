/**
 * Before the tests (`npm test`): the browser tests need Chromium. Finds one (CHROMIUM_PATH, then
 * the usual paths); on Debian as root installs Debian's `chromium` when there is none; otherwise
 * stops with one line saying what to install.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { findChromium } from "./support/chromium.ts";

const run = promisify(execFile);

async function main(): Promise<number> {
  if (process.env.CHROMIUM_PATH && !findChromium()) {
    console.error(`CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which does not exist: point it at a Chromium or Chrome executable`);
    return 1;
  }
  if (findChromium()) return 0;
  const canInstall = existsSync("/etc/debian_version") && process.getuid?.() === 0;
  if (!canInstall) {
    console.error(
      "The browser tests need Chromium: install it (Debian or Ubuntu: apt-get install chromium; elsewhere your system's chromium package) or set CHROMIUM_PATH to a Chromium or Chrome executable",
    );
    return 1;
  }
  console.log("No Chromium found for the browser tests: installing Debian's chromium package (about a minute)");
  try {
    await run("apt-get", ["update", "-qq"]);
    await run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } catch (error) {
    const output = `${(error as { stderr?: string }).stderr ?? ""}`.trim().split("\n").at(-1);
    console.error(`Could not install Debian's chromium (${output || (error as Error).message}); install it, or set CHROMIUM_PATH`);
    return 1;
  }
  if (findChromium()) return 0;
  console.error("Debian's chromium was installed but no chromium executable was found; set CHROMIUM_PATH");
  return 1;
}

process.exitCode = await main();
