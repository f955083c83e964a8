import { describe, expect, it } from "vitest";
import { randomHex, seededRng } from "./rng";

describe("seededRng", () => {
  it("gives the same sequence for the same seed", () => {
    const draw = (seed: number) => {
      const out: number[] = [];
      let rng = seededRng(seed);
      for (let i = 0; i < 5; i++) {
        const [v, next] = rng.next();
        out.push(v);
        rng = next;
      }
      return out;
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const v of draw(7)) expect(v >= 0 && v < 1).toBe(true);
  });

  it("draws hex ids of the asked length", () => {
    const [id] = randomHex(seededRng(1), 64);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(randomHex(seededRng(1), 64)[0]).toBe(id);
  });
});
