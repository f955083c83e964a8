import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NsId } from "../ids";
import { checkInvariants } from "../invariants";
import { CLONE_NEWNET } from "../ns/namespace";
import type { KernelState } from "../state";
import { NetHarness } from "./net-harness";
import type { RtnlRequest } from "./rtnl-types";

/** Everything that must hold of the network state after any sequence of requests. */
function netViolations(state: KernelState): string[] {
  const out: string[] = [];
  const live = (ns: NsId) => state.net.namespaces.has(ns) && state.namespaces.get(ns)?.type === "net";
  for (const net of state.net.namespaces.values()) {
    if (!live(net.id)) out.push(`network state for dead namespace ${net.id}`);
    const names = new Set<string>();
    for (const [ifindex, dev] of net.devices) {
      if (dev.ifindex !== ifindex) out.push(`${dev.name} filed under ifindex ${ifindex} but has ${dev.ifindex}`);
      if (names.has(dev.name)) out.push(`two devices named ${dev.name} in ${net.id}`);
      names.add(dev.name);
      if (dev.master !== null && net.devices.get(dev.master)?.kind !== "bridge") out.push(`${dev.name}'s master ${dev.master} is not a bridge here`);
      if (dev.kind === "veth") {
        const peer = dev.peer && state.net.namespaces.get(dev.peer.ns)?.devices.get(dev.peer.ifindex);
        if (!dev.peer || !live(dev.peer.ns)) out.push(`veth ${dev.name} in ${net.id} points into a missing namespace`);
        else if (!peer || peer.peer?.ns !== net.id || peer.peer.ifindex !== ifindex) out.push(`veth ${dev.name} in ${net.id} has no peer pointing back`);
      }
    }
    if (!net.devices.has(1) || net.devices.get(1)?.kind !== "loopback") out.push(`namespace ${net.id} lost lo`);
    for (const r of net.routes) if (!net.devices.get(r.dev)?.up) out.push(`route to ${r.dst} via missing or down device ${r.dev}`);
    for (const peer of net.nsids.keys()) if (!live(peer)) out.push(`netnsid for dead namespace ${peer} in ${net.id}`);
  }
  for (const s of state.net.sockets.values()) if (!live(s.netns)) out.push(`socket ${s.ino} in dead namespace ${s.netns}`);
  return out;
}

const NAMES = ["veth0", "veth1", "br0", "veth%d"];
const name = fc.constantFrom(...NAMES);
const actor = fc.nat(2);

/** One random step: who does it, and the request (`{pid}` placeholders are actor indexes). */
const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ by: actor, kind: fc.constantFrom("veth", "veth", "dummy", "bridge"), name, peer: name, into: fc.option(actor, { nil: undefined }) }).map((o) => ({ tag: "new" as const, ...o })) },
  { weight: 1, arbitrary: fc.record({ by: actor, name }).map((o) => ({ tag: "del" as const, ...o })) },
  { weight: 3, arbitrary: fc.record({ by: actor, name, into: actor }).map((o) => ({ tag: "move" as const, ...o })) },
  { weight: 2, arbitrary: fc.record({ by: actor, name, up: fc.boolean() }).map((o) => ({ tag: "updown" as const, ...o })) },
  { weight: 2, arbitrary: fc.record({ by: actor, name, octet: fc.integer({ min: 1, max: 3 }) }).map((o) => ({ tag: "addr" as const, ...o })) },
  { weight: 2, arbitrary: fc.record({ by: actor, name, master: name }).map((o) => ({ tag: "master" as const, ...o })) },
  { weight: 1, arbitrary: fc.record({ who: fc.integer({ min: 1, max: 2 }) }).map((o) => ({ tag: "exit" as const, ...o })) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function request(o: Exclude<Op, { tag: "exit" }>, pidOf: (i: number) => number): RtnlRequest {
  switch (o.tag) {
    case "new": return { type: "RTM_NEWLINK", kind: o.kind, name: o.name, peer: { name: o.peer, netns: o.into === undefined ? undefined : { pid: pidOf(o.into) } } };
    case "del": return { type: "RTM_DELLINK", dev: { name: o.name } };
    case "move": return { type: "RTM_SETLINK", dev: { name: o.name }, netns: { pid: pidOf(o.into) } };
    case "updown": return { type: "RTM_SETLINK", dev: { name: o.name }, up: o.up };
    case "addr": return { type: "RTM_NEWADDR", dev: { name: o.name }, family: "inet", local: `10.${o.octet}.0.1`, prefixlen: 24 };
    case "master": return { type: "RTM_SETLINK", dev: { name: o.name }, master: { name: o.master } };
  }
}

describe("network namespaces under random link and address requests", () => {
  it("keep ifindexes and names unique, veth peers paired, and nothing pointing into a freed namespace", () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const k = new NetHarness();
      const actors = [k.shell, k.fork(k.shell, CLONE_NEWNET), k.fork(k.shell, CLONE_NEWNET)];
      const alive = (i: number) => k.state.tasks.get(actors[i] ?? k.shell)?.state !== "Z";
      const pidOf = (i: number) => (alive(i) ? (actors[i] as number) : 999999);
      for (const o of ops) {
        if (o.tag === "exit") {
          if (alive(o.who)) k.call(actors[o.who] ?? k.shell, { name: "exit_group", code: 0 });
          continue;
        }
        if (!alive(o.by)) continue;
        k.call(actors[o.by] ?? k.shell, { name: "netlink", request: request(o, pidOf) });
        expect(netViolations(k.state)).toEqual([]);
      }
      for (const i of [1, 2]) if (alive(i)) k.call(actors[i] ?? k.shell, { name: "exit_group", code: 0 });
      expect(netViolations(k.state)).toEqual([]);
      expect(checkInvariants(k.state)).toEqual([]);
      expect([...k.state.net.namespaces.keys()]).toEqual([k.task(k.shell).ns.net]);
    }), { numRuns: 80 });
  });
});
