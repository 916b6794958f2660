import { describe, expect, it } from "vitest";
import { normaliseForceName } from "../../subgraphs/shared/reference/force-alias.ts";
import { referenceForces } from "../../subgraphs/shared/reference/forces.ts";
import { allocate } from "../../subgraphs/shared/sample/allocate.ts";
import { SeededRandom } from "../../subgraphs/shared/sample/random.ts";

describe("allocate", () => {
  it("splits a total into whole parts that add up exactly, by largest remainder", () => {
    // 10 over weights 1:1:1 is 3.33 each: the first remainder gets the spare unit.
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 7 over 50:30:20 is 3.5, 2.1, 1.4: floors 3, 2, 1 and the spare goes to the 0.5 remainder.
    expect(allocate(7, [50, 30, 20])).toEqual([4, 2, 1]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
  });
});

describe("normaliseForceName", () => {
  it("makes the spellings different publications use meet", () => {
    expect(normaliseForceName("Devon & Cornwall")).toBe("devon and cornwall");
    expect(normaliseForceName("Devon and Cornwall Police")).toBe("devon and cornwall");
    expect(normaliseForceName("London, City of")).toBe("london city of");
    expect(normaliseForceName("Avon and Somerset Constabulary")).toBe(normaliseForceName("AVON & SOMERSET"));
  });
});

describe("reference forces", () => {
  it("lists the 43 territorial forces of England (39) and Wales (4)", () => {
    const forces = referenceForces();
    expect(forces).toHaveLength(43);
    expect(forces.filter((force) => force.country === "Wales")).toHaveLength(4);
    expect(new Set(forces.map((force) => force.gssCode)).size).toBe(43);
  });
});

describe("SeededRandom", () => {
  it("gives the same sequence for the same seed", () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
});
