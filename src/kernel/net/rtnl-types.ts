/**
 * rtnetlink (and nf_tables) requests as typed messages: what `ip`, `bridge`, `iptables-nft`
 * and container engines send over an AF_NETLINK socket, minus the byte encoding.
 * Names follow `include/uapi/linux/rtnetlink.h` and `nf_tables.h`.
 */
import type { NsId } from "../ids";
import type { AddrInfo, LinkInfo, RouteInfo } from "./dump";
import type { DevRef } from "./link-modify";
import type { AddrFlag, AddrScope, NatRule, RouteProto } from "./types";

/** IFLA_NET_NS_PID (a PID in the caller's PID namespace) or IFLA_NET_NS_FD (resolved by the VFS). */
export type NetnsRef = { readonly pid: number } | { readonly nsId: NsId };

export type RtnlRequest =
  | {
      readonly type: "RTM_NEWLINK"; readonly kind: string; readonly name?: string; readonly mtu?: number;
      readonly address?: string; readonly txqlen?: number; readonly netns?: NetnsRef;
      readonly peer?: { readonly name?: string; readonly netns?: NetnsRef; readonly address?: string };
    }
  | {
      readonly type: "RTM_SETLINK"; readonly dev: DevRef; readonly up?: boolean; readonly name?: string;
      readonly mtu?: number; readonly address?: string; readonly txqlen?: number;
      /** A bridge to join, or null for `nomaster`. */
      readonly master?: DevRef | null; readonly netns?: NetnsRef;
    }
  | { readonly type: "RTM_DELLINK"; readonly dev: DevRef }
  | { readonly type: "RTM_GETLINK" }
  | {
      readonly type: "RTM_NEWADDR"; readonly dev: DevRef; readonly family: "inet" | "inet6"; readonly local: string;
      readonly prefixlen: number; readonly broadcast?: string; readonly scope?: AddrScope; readonly label?: string;
      readonly flags?: readonly AddrFlag[];
    }
  | { readonly type: "RTM_DELADDR"; readonly dev: DevRef; readonly local: string; readonly prefixlen?: number }
  | { readonly type: "RTM_GETADDR" }
  | {
      readonly type: "RTM_NEWROUTE"; readonly dst: string; readonly gateway?: string; readonly dev?: DevRef;
      readonly src?: string; readonly metric?: number; readonly proto?: RouteProto;
      /** NLM_F_REPLACE (`ip route replace`) instead of NLM_F_EXCL (`ip route add`). */
      readonly replace?: boolean;
    }
  | { readonly type: "RTM_DELROUTE"; readonly dst: string; readonly gateway?: string; readonly dev?: DevRef; readonly metric?: number }
  | { readonly type: "RTM_GETROUTE" }
  | { readonly type: "NFT_MSG_NEWRULE"; readonly rule: NatRule; readonly position?: number }
  | { readonly type: "NFT_MSG_DELRULE"; readonly rule: NatRule }
  | { readonly type: "NFT_MSG_GETRULE" };

export type RtnlReply =
  | { readonly kind: "ack" }
  | { readonly kind: "newlink"; readonly ifindex: number; readonly peerIfindex: number | null }
  | { readonly kind: "links"; readonly links: readonly LinkInfo[] }
  | { readonly kind: "addrs"; readonly addrs: readonly AddrInfo[] }
  | { readonly kind: "routes"; readonly routes: readonly RouteInfo[] }
  | { readonly kind: "rules"; readonly rules: readonly NatRule[] };

export const isGetRequest = (req: RtnlRequest): boolean =>
  req.type === "RTM_GETLINK" || req.type === "RTM_GETADDR" || req.type === "RTM_GETROUTE" || req.type === "NFT_MSG_GETRULE";
