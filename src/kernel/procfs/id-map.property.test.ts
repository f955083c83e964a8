/**
 * Invariants of map_write(): whatever is written, by whomever, an installed map never has
 * overlapping ranges (inside or outside), never maps an id the parent namespace cannot map,
 * and a refused write changes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import type { IdMapEntry } from "../ns/namespace";
import { CLONE_NEWUSER } from "../ns/namespace";
import { getNs } from "../state";
import { KernelHarness } from "../testing";
import { writeGidMap, writeUidMap } from "./id-map-write";
import { mustWrite, spawn } from "./testing";

/** A: a namespace the host's root mapped as 0→100000 (65536 ids), B: a child of A made by A's root, unmapped. */
function world() {
  const h = new KernelHarness();
  const a = spawn(h, h.shell, ["sh"], CLONE_NEWUSER);
  mustWrite(h, writeUidMap(h.state, h.task(h.shell), h.task(a), "0 100000 65536\n"));
  mustWrite(h, writeGidMap(h.state, h.task(h.shell), h.task(a), "0 100000 65536\n"));
  // setresuid(0, 0, 0) inside A: the process becomes A's root, global uid 100000.
  const inA = userCred(100000, 100000);
  h.setCred(a, { ...h.task(a).cred, ...inA, caps: h.task(a).cred.caps, userNs: h.task(a).cred.userNs });
  const b = spawn(h, a, ["sh"], CLONE_NEWUSER);
  const nobodyInA = spawn(h, a, ["sh"]);
  h.setCred(nobodyInA, { ...userCred(100005, 100005), userNs: h.task(a).cred.userNs });
  const stranger = spawn(h, h.shell, ["sh"]);
  h.setCred(stranger, userCred(1000, 1000));
  return { h, writers: [h.shell, a, b, nobodyInA, stranger], target: b };
}

const overlap = (x: IdMapEntry, y: IdMapEntry, key: "inside" | "outside") =>
  x[key] <= y[key] + y.count - 1 && y[key] <= x[key] + x.count - 1;

const contained = (e: IdMapEntry, parent: readonly IdMapEntry[]) =>
  parent.some((p) => e.outside >= p.outside && e.outside + e.count - 1 <= p.outside + p.count - 1);

const edge = fc.constantFrom(0, 1, 5, 999, 1000, 65535, 65536, 100000, 4294967294, 4294967295);
const id = fc.oneof({ weight: 4, arbitrary: fc.nat(70000) }, { weight: 1, arbitrary: edge });
const count = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 200 }) }, { weight: 1, arbitrary: fc.nat(70000) }, { weight: 1, arbitrary: edge });
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(id, id, count).map(([a, b, c]) => `${a} ${b} ${c}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const text = fc.tuple(fc.array(line, { minLength: 0, maxLength: 4 }), fc.boolean()).map(([ls, nl]) => ls.join("\n") + (nl ? "\n" : ""));

describe("map_write() invariants", () => {
  const { h, writers, target } = world();

  it("never installs overlapping ranges or ids the parent cannot map; a refusal changes nothing", () => {
    let installed = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(writers[0]!, writers[1]!) }, { weight: 2, arbitrary: fc.constantFrom(...writers.slice(2)) }), text, (writer, written) => {
        const out = writeUidMap(h.state, h.task(writer), h.task(target), written);
        if (!out.result.ok) {
          expect(out.state).toBe(h.state);
          return;
        }
        const b = getNs(out.state, h.task(target).cred.userNs, "user");
        const a = getNs(out.state, b.owner!, "user");
        const map = b.uidMap ?? [];
        installed++;
        expect(map.length).toBeGreaterThan(0);
        expect(map.length).toBeLessThanOrEqual(340);
        for (const [i, x] of map.entries()) {
          expect(contained(x, a.uidMap ?? [])).toBe(true);
          for (const y of map.slice(i + 1)) expect(overlap(x, y, "inside") || overlap(x, y, "outside")).toBe(false);
        }
      }),
      { numRuns: 600, seed: 20251128 },
    );
    // The generator must reach the install step often enough for the property to mean something.
    expect(installed).toBeGreaterThan(40);
  });

  it("lets only a privileged writer map more than its own single id", () => {
    fc.assert(
      fc.property(fc.constantFrom(writers[3]!, writers[4]!), text, (writer, written) => {
        const out = writeUidMap(h.state, h.task(writer), h.task(target), written);
        expect(out.result.ok).toBe(false);
      }),
      { numRuns: 200, seed: 20251128 },
    );
  });
});
