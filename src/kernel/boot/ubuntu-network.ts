/**
 * The default host's network at boot. The machine is a QEMU guest on user-mode networking
 * ("slirp": eth0 10.0.2.15/24, gateway 10.0.2.2, DNS 10.0.2.3) with a static netplan config;
 * dockerd has made docker0 (172.17.0.1/16, no carrier until a container attaches, txqlen 0
 * as libnetwork creates it), set ip_forward and added its MASQUERADE rule; libvirtd's default
 * network is virbr0 (192.168.122.1/24). sshd and systemd-resolved listen.
 */
import type { NetBootSpec } from "../net/boot-network";
import { SLIRP_OUTSIDE } from "../net/netns";

export const UBUNTU_NETWORK: NetBootSpec = {
  outside: SLIRP_OUTSIDE,
  devices: [
    // QEMU's default NIC MAC; a virtio NIC gets the default qdisc, fq_codel under systemd.
    { name: "eth0", kind: "ethernet", mac: "52:54:00:12:34:56", up: true, uplink: true, addrs: ["10.0.2.15/24"] },
    { name: "docker0", kind: "bridge", txqlen: 0, up: true, addrs: ["172.17.0.1/16"] },
    { name: "virbr0", kind: "bridge", mac: "52:54:00:3a:7c:1e", up: true, addrs: ["192.168.122.1/24"] },
  ],
  routes: [{ dst: "default", via: "10.0.2.2", dev: "eth0", proto: "static" }],
  nat: [
    { chain: "POSTROUTING", target: "MASQUERADE", src: "172.17.0.0/16", outIface: "!docker0", comment: "docker0 masquerade" },
    { chain: "POSTROUTING", target: "MASQUERADE", src: "192.168.122.0/24", dst: "!192.168.122.0/24", comment: "libvirt default network" },
  ],
  ipForward: true,
  // systemd's 50-default.conf lets every group open ICMP ping sockets.
  pingGroupRange: [0, 2147483647],
  listeners: [
    { comm: "systemd-resolve", family: "AF_INET", addr: "127.0.0.53", port: 53, backlog: 4096 },
    { comm: "systemd-resolve", family: "AF_INET", addr: "127.0.0.54", port: 53, backlog: 4096 },
    { comm: "sshd", family: "AF_INET", addr: "0.0.0.0", port: 22, backlog: 128 },
    { comm: "sshd", family: "AF_INET6", addr: "::", port: 22, backlog: 128 },
  ],
};
