/**
 * MAC addresses for devices created without one. Linux draws them at random
 * (`eth_hw_addr_random()`: a locally administered unicast address); here they come from a
 * seeded generator kept in the state, so a replay makes the same addresses.
 */
import { seededRng } from "../../lib";
import type { KernelState } from "../state";

/** The MAC of every loopback device. */
export const LOOPBACK_MAC = "00:00:00:00:00:00";

export const formatMac = (bytes: readonly number[]): string =>
  bytes.map((b) => b.toString(16).padStart(2, "0")).join(":");

/** A random locally administered unicast MAC (`eth_random_addr()`), and the next state. */
export function randomMac(state: KernelState): readonly [KernelState, string] {
  const [a, r1] = seededRng(state.net.macSeed).next();
  const [b, r2] = r1.next();
  const hi = Math.floor(a * 0x1000000);
  const lo = Math.floor(b * 0x1000000);
  const bytes = [(hi >>> 16) & 0xff, (hi >>> 8) & 0xff, hi & 0xff, (lo >>> 16) & 0xff, (lo >>> 8) & 0xff, lo & 0xff];
  // Clear the multicast bit and set the locally-administered bit, as eth_random_addr() does.
  bytes[0] = ((bytes[0] as number) & 0xfe) | 0x02;
  return [{ ...state, net: { ...state.net, macSeed: r2.state } }, formatMac(bytes)];
}

export const isValidMac = (text: string): boolean => /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(text);

/** is_valid_ether_addr(): not zero and not multicast. */
export function isUnicastMac(text: string): boolean {
  if (!isValidMac(text)) return false;
  const first = parseInt(text.slice(0, 2), 16);
  return (first & 1) === 0 && text !== LOOPBACK_MAC;
}
