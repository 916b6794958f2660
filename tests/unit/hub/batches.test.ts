import { describe, expect, it } from "vitest";
import { ukLocalMinute } from "../../../scripts/hub/batches.ts";

describe("hub batches' times", () => {
  it("shows the UK's clock: GMT in winter, BST in summer, the day changing at the UK's midnight", () => {
    expect(ukLocalMinute(new Date("2026-12-07T20:45:10Z"))).toBe("2026-12-07 20:45");
    expect(ukLocalMinute(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01 00:30");
    expect(ukLocalMinute(new Date("2026-03-29T00:59:00Z"))).toBe("2026-03-29 00:59");
    expect(ukLocalMinute(new Date("2026-03-29T01:00:00Z"))).toBe("2026-03-29 02:00");
    expect(ukLocalMinute(null)).toBe("-");
  });
});
