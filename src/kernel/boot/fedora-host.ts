/**
 * The second host profile (DESIGN.md): a Fedora-like machine with SELinux enforcing the
 * targeted policy and container-selinux, running Docker with `--selinux-enabled` so that each
 * container gets container_t and its own MCS category pair. Every process carries the context
 * systemd's transitions give it on Fedora (`ps -eZ`): kernel threads kernel_t, PID 1 init_t,
 * the daemons their own domains, dockerd and containerd container_runtime_t, and the root
 * login shell unconfined_t.
 * SIMPLIFICATION: the hardware, kernel threads, network and file tree are the Ubuntu host's
 * (with Fedora's os-release and /etc/selinux/config), so services run as the Ubuntu tree's
 * users, and the services are a short list of what a Fedora Server runs.
 */
import type { BootSpec, ProcessSpec } from "./boot";
import { UBUNTU_HOST } from "./ubuntu-host";
import { UBUNTU_SUBTREE_CONTROL } from "../cgroup/host-layout";
import { fedoraRootFs } from "../vfs/host-tree/fedora-root";

const sys = (type: string, range = "s0") => `system_u:system_r:${type}:${range}`;
const ALL = "s0-s0:c0.c1023";
const UNCONFINED = `unconfined_u:unconfined_r:unconfined_t:${ALL}`;

const svc = (comm: string, argv: string[], label: string, extra: Partial<ProcessSpec & { parent: string }> = {}): ProcessSpec & { parent?: string } => ({
  comm, argv, exe: extra.exe ?? argv[0] ?? "", label, rssKb: 8000, vszKb: 20000, ...extra,
});

const SERVICES: BootSpec["services"] = [
  svc("systemd-journal", ["/usr/lib/systemd/systemd-journald"], sys("syslogd_t"), { rssKb: 17000, vszKb: 58000 }),
  svc("systemd-udevd", ["/usr/lib/systemd/systemd-udevd"], sys("udev_t", ALL), { rssKb: 11000, vszKb: 35000 }),
  svc("auditd", ["/usr/sbin/auditd"], sys("auditd_t"), { rssKb: 3600, vszKb: 90000 }),
  svc("systemd-resolve", ["/usr/lib/systemd/systemd-resolved"], sys("systemd_resolved_t"), { uid: 991, rssKb: 13000, vszKb: 23000 }),
  svc("dbus-broker-lau", ["/usr/bin/dbus-broker-launch", "--scope", "system", "--audit"], sys("system_dbusd_t", ALL), { rssKb: 3900, vszKb: 11000 }),
  svc("systemd-logind", ["/usr/lib/systemd/systemd-logind"], sys("systemd_logind_t"), { rssKb: 9700, vszKb: 19000 }),
  svc("NetworkManager", ["/usr/sbin/NetworkManager", "--no-daemon"], sys("NetworkManager_t"), { rssKb: 19000, vszKb: 330000 }),
  svc("crond", ["/usr/sbin/crond", "-n"], sys("crond_t", ALL), { rssKb: 3100, vszKb: 220000 }),
  svc("containerd", ["/usr/bin/containerd"], sys("container_runtime_t"), { rssKb: 46000, vszKb: 1872000 }),
  svc("agetty", ["/sbin/agetty", "-o", "-p -- \\u", "--noclear", "-", "linux"], sys("getty_t", ALL), { rssKb: 2000, vszKb: 6200 }),
  svc("sshd", ["sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"], sys("sshd_t", ALL), { exe: "/usr/sbin/sshd", rssKb: 9000, vszKb: 12000 }),
  // docker-ce on Fedora labels containers only with --selinux-enabled (daemon.json "selinux-enabled": true).
  svc("dockerd", ["/usr/bin/dockerd", "--selinux-enabled", "-H", "fd://", "--containerd=/run/containerd/containerd.sock"], sys("container_runtime_t"), { rssKb: 78000, vszKb: 2390000 }),
  svc("libvirtd", ["/usr/sbin/libvirtd", "--timeout", "120"], sys("virtd_t", ALL), { rssKb: 31000, vszKb: 1460000 }),
  svc("systemd", ["/usr/lib/systemd/systemd", "--user"], UNCONFINED, { rssKb: 10300, vszKb: 20300 }),
  svc("(sd-pam)", ["(sd-pam)"], UNCONFINED, { parent: "systemd", exe: "/usr/lib/systemd/systemd", rssKb: 3500, vszKb: 21400 }),
  svc("login", ["/bin/login", "-p", "--"], sys("local_login_t", ALL), { rssKb: 4200, vszKb: 9200 }),
  svc("bash", ["-bash"], UNCONFINED, { parent: "login", exe: "/usr/bin/bash", rssKb: 5100, vszKb: 8700, env: ["HOME=/root", "PATH=/root/.local/bin:/root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin", "SHELL=/bin/bash", "TERM=xterm-256color", "USER=root", "LOGNAME=root"] }),
];

/** The unit systemd runs each of these daemons in, by process name (comm). */
const FEDORA_UNITS: Readonly<Record<string, string>> = {
  "systemd-journal": "/system.slice/systemd-journald.service",
  "systemd-udevd": "/system.slice/systemd-udevd.service",
  auditd: "/system.slice/auditd.service",
  "systemd-resolve": "/system.slice/systemd-resolved.service",
  "dbus-broker-lau": "/system.slice/dbus-broker.service",
  "systemd-logind": "/system.slice/systemd-logind.service",
  NetworkManager: "/system.slice/NetworkManager.service",
  crond: "/system.slice/crond.service",
  containerd: "/system.slice/containerd.service",
  agetty: "/system.slice/system-getty.slice/getty@tty1.service",
  sshd: "/system.slice/sshd.service",
  dockerd: "/system.slice/docker.service",
  libvirtd: "/system.slice/libvirtd.service",
  systemd: "/user.slice/user-0.slice/user@0.service/init.scope",
  "(sd-pam)": "/user.slice/user-0.slice/user@0.service/init.scope",
  login: "/user.slice/user-0.slice/session-1.scope",
  bash: "/user.slice/user-0.slice/session-1.scope",
};

export const FEDORA_HOST: BootSpec = {
  ...UBUNTU_HOST,
  config: {
    ...UBUNTU_HOST.config,
    release: "6.18.3-200.fc43.x86_64",
    version: "#1 SMP PREEMPT_DYNAMIC Fri Jan  2 17:32:19 UTC 2026",
    lsm: "selinux",
  },
  hostname: "fedora",
  kthreads: UBUNTU_HOST.kthreads.filter((k) => k !== "ecryptfs-kthread"),
  services: SERVICES,
  cgroups: { subtreeControl: UBUNTU_SUBTREE_CONTROL, units: FEDORA_UNITS },
  rootFs: fedoraRootFs,
  labels: { kernel: sys("kernel_t"), init: sys("init_t") },
};
