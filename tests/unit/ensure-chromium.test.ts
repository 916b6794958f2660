import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { findChromium } from "../../scripts/support/chromium.ts";

describe("the step before the tests that finds a Chromium", () => {
  it("finds the one CHROMIUM_PATH names, and none when it names nothing", () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
    expect(findChromium({ CHROMIUM_PATH: "/nowhere/chromium" })).toBeUndefined();
  });

  it("stops with one line saying what to do when CHROMIUM_PATH names nothing", async () => {
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/ensure-chromium.ts"], {
      env: { ...process.env, CHROMIUM_PATH: "/nowhere/chromium" },
    });
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe("");
    expect(failure?.stderr.trim().split("\n")).toEqual([
      "CHROMIUM_PATH is /nowhere/chromium, which does not exist: point it at a Chromium or Chrome executable",
    ]);
  });
});
