import { Map as IMap } from "immutable";
import { describe, expect, it } from "vitest";
import { sameState } from "./serialize";

describe("sameState", () => {
  it("compares plain data and persistent maps deeply, including key order", () => {
    expect(sameState({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toBe(true);
    expect(sameState({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameState(IMap([[1, { x: 1 }]]), IMap([[1, { x: 1 }]]))).toBe(true);
    expect(sameState(IMap([[1, { x: 1 }]]), IMap([[1, { x: 2 }]]))).toBe(false);
    expect(sameState([1], { 0: 1 })).toBe(false);
  });
});
