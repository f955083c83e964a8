/**
 * netnsids (`net/core/net_namespace.c: peernet2id_alloc()`): the number a namespace gives to
 * another one it has a link into, shown as `link-netnsid N` by `ip link`. Each namespace
 * numbers its peers from 0, lowest free first. SIMPLIFICATION: ids are given when a link
 * first spans two namespaces, not lazily when a dump first needs one.
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { getNetNs, putNetNs } from "./netns";

function allocIn(state: KernelState, ns: NsId, peer: NsId): KernelState {
  const net = getNetNs(state, ns);
  if (net.nsids.has(peer)) return state;
  const used = new Set(net.nsids.values());
  let id = 0;
  while (used.has(id)) id++;
  return putNetNs(state, { ...net, nsids: net.nsids.set(peer, id) });
}

/** Both namespaces get an id for each other once a link spans them. */
export const linkNetnsids = (state: KernelState, a: NsId, b: NsId): KernelState =>
  a === b ? state : allocIn(allocIn(state, a, b), b, a);

/** The id `ns` gives `peer`, if any. */
export const netnsidOf = (state: KernelState, ns: NsId, peer: NsId): number | undefined =>
  state.net.namespaces.get(ns)?.nsids.get(peer);

/** A freed namespace disappears from every other namespace's table. */
export function forgetNetnsid(state: KernelState, gone: NsId): KernelState {
  let s = state;
  for (const net of s.net.namespaces.values()) {
    if (net.nsids.has(gone)) s = putNetNs(s, { ...net, nsids: net.nsids.delete(gone) });
  }
  return s;
}
