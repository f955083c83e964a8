/**
 * /run on the Ubuntu host (a tmpfs systemd mounts early): daemons' sockets and pid files. The
 * Docker socket is a socket inode owned by root:docker, mode 0660 — a container that gets it
 * bind-mounted controls the Docker daemon (reference §7c).
 */
import type { HostEntry } from "./entry";
import { dir, file, socket } from "./entry";
import { GID } from "./ubuntu-ids";

export const ubuntuRun = (): HostEntry[] => [
  socket("/docker.sock", { mode: 0o660, gid: GID.docker }),
  file("/docker.pid", "1187"),
  dir("/docker", { mode: 0o700 }),
  dir("/docker/netns"),
  dir("/containerd", { mode: 0o711 }),
  socket("/containerd/containerd.sock", { mode: 0o660 }),
  dir("/systemd/resolve"),
  file("/systemd/resolve/stub-resolv.conf", "nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n"),
  file("/systemd/resolve/resolv.conf", "nameserver 10.0.2.3\nsearch .\n"),
  dir("/lock", { mode: 0o1777 }),
  dir("/user"),
  dir("/user/0", { mode: 0o700 }),
  dir("/sshd"),
  file("/sshd.pid", "1158\n"),
  file("/crond.pid", "1102\n"),
  file("/utmp", "", { mode: 0o664, gid: GID.utmp }),
  dir("/libvirt"),
  socket("/libvirt/libvirt-sock", { mode: 0o660, gid: GID.libvirt }),
  socket("/libvirt/libvirt-sock-ro", { mode: 0o666 }),
  dir("/mount"),
];
