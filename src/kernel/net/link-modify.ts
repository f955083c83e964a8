/**
 * Changing a device (`net/core/rtnetlink.c: do_setlink()`): its name, MTU, MAC address and
 * bridge master. Each rule and errno is the one the named Linux function applies.
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { settleCarrier } from "./link-updown";
import { isUnicastMac } from "./mac";
import type { NetResult } from "./net-result";
import { netErr, netOk } from "./net-result";
import { devByName, getDev, getNetNs, putDev, validIfname } from "./netns";
import type { NetDevice } from "./types";

/** dev_change_name(): a running device cannot be renamed (EBUSY), a taken name is EEXIST. */
export function renameLink(state: KernelState, ns: NsId, dev: NetDevice, name: string): NetResult {
  if (name === dev.name) return netOk(state);
  if (!validIfname(name)) return netErr("EINVAL", "dev_valid_name", `"${name}" is not a valid interface name`);
  if (dev.up) return netErr("EBUSY", "dev_change_name", `${dev.name} is up: bring it down before renaming it`);
  if (devByName(getNetNs(state, ns), name)) return netErr("EEXIST", "dev_change_name", `a device named ${name} already exists`);
  return netOk(putDev(state, ns, { ...dev, name }));
}

/** dev_validate_mtu(): the driver's min_mtu and max_mtu (0 = no maximum). */
function mtuRange(dev: NetDevice): readonly [number, number] {
  switch (dev.kind) {
    case "loopback": return [0, 0];
    case "dummy": return [68, 0];
    case "tun": return [68, 65535];
    default: return [68, 65535];
  }
}

export function setMtu(state: KernelState, ns: NsId, dev: NetDevice, mtu: number): NetResult {
  const [min, max] = mtuRange(dev);
  if (mtu < min) return netErr("EINVAL", "dev_validate_mtu", `${mtu} is below ${dev.name}'s minimum MTU ${min}`, "mtu less than device minimum");
  if (max > 0 && mtu > max) return netErr("EINVAL", "dev_validate_mtu", `${mtu} is above ${dev.name}'s maximum MTU ${max}`, "mtu greater than device maximum");
  return netOk(putDev(state, ns, { ...dev, mtu }));
}

/** dev_set_mac_address(): lo has no MAC to change; the address must be unicast. */
export function setMac(state: KernelState, ns: NsId, dev: NetDevice, mac: string): NetResult {
  if (dev.kind === "loopback" || dev.kind === "tun") return netErr("EOPNOTSUPP", "dev_set_mac_address", `${dev.name} has no settable hardware address`);
  if (!isUnicastMac(mac)) return netErr("EADDRNOTAVAIL", "eth_prepare_mac_addr_change", `${mac} is not a unicast MAC address`);
  return netOk(putDev(state, ns, { ...dev, mac: mac.toLowerCase() }));
}

/**
 * do_set_master() → br_add_if(): only Ethernet-like devices can be bridge ports, never lo,
 * and a bridge cannot be a port of another bridge. `null` releases the device (`nomaster`).
 */
export function setMaster(state: KernelState, ns: NsId, dev: NetDevice, master: NetDevice | null): NetResult {
  if (master === null) return netOk(settleCarrier(putDev(state, ns, { ...dev, master: null }), [ns]));
  if (master.kind !== "bridge") {
    return netErr("EOPNOTSUPP", "do_set_master", `${master.name} is not a bridge: it has no ndo_add_slave`);
  }
  if (dev.kind === "bridge") return netErr("ELOOP", "br_add_if", `${dev.name} is a bridge`, "Can not enslave a bridge to a bridge");
  if (dev.kind === "loopback" || dev.kind === "tun" || dev.ifindex === master.ifindex) {
    return netErr("EINVAL", "br_add_if", `${dev.name} is not an Ethernet device and cannot be a bridge port`);
  }
  return netOk(settleCarrier(putDev(state, ns, { ...dev, master: master.ifindex }), [ns]));
}

export const findDevice = (state: KernelState, ns: NsId, ref: DevRef): NetDevice | undefined =>
  "ifindex" in ref ? getDev(state, ns, ref.ifindex) : devByName(getNetNs(state, ns), ref.name);

/** How a request names a device: IFLA_IFNAME or the ifindex in the message header. */
export type DevRef = { readonly ifindex: number } | { readonly name: string };
