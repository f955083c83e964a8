/**
 * The end of a network namespace (`net/core/dev.c: default_device_exit_net()` and
 * `default_device_exit_batch()`): physical devices go back to the initial namespace (renamed
 * `dev%d` if their name is taken there), virtual ones are deleted — a veth with its peer, in
 * whatever namespace the peer lives — and the namespace's sockets and netnsids are dropped.
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { removeDevice, moveLink } from "./link-remove";
import { INIT_NET, devByName, devicesOf, getNetNs } from "./netns";
import { forgetNetnsid } from "./netnsid";

export function freeNetNs(state: KernelState, id: NsId): KernelState {
  if (!state.net.namespaces.has(id)) return state;
  let s = state;
  for (const dev of devicesOf(getNetNs(s, id))) {
    const still = getNetNs(s, id).devices.get(dev.ifindex);
    if (!still) continue;
    if (still.kind === "ethernet" && id !== INIT_NET && s.net.namespaces.has(INIT_NET)) {
      const clash = devByName(getNetNs(s, INIT_NET), still.name) !== undefined;
      const moved = moveLink(s, id, still, INIT_NET, clash ? "dev%d" : undefined);
      if (moved.ok) { s = moved.value.state; continue; }
    }
    s = removeDevice(s, id, still);
  }
  const sockets = s.net.sockets.filter((sock) => sock.netns !== id);
  s = { ...s, net: { ...s.net, namespaces: s.net.namespaces.delete(id), sockets } };
  return forgetNetnsid(s, id);
}
