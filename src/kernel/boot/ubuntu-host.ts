/**
 * The default host: an Ubuntu 24.04-like machine (DESIGN.md), 4 CPUs, 8 GiB, systemd as PID 1,
 * Docker (dockerd → containerd) and libvirt. Process names, command lines and users are those
 * of a stock Ubuntu 24.04 server with docker-ce and libvirt installed.
 */
import type { BootSpec, ProcessSpec } from "./boot";
import { UBUNTU_NETWORK } from "./ubuntu-network";
import { UBUNTU_SUBTREE_CONTROL, UBUNTU_UNITS } from "../cgroup/host-layout";

const CPUS = 4;

function perCpuThreads(): string[] {
  const out: string[] = [];
  for (let cpu = 0; cpu < CPUS; cpu++) {
    out.push(`cpuhp/${cpu}`, `idle_inject/${cpu}`, `migration/${cpu}`, `ksoftirqd/${cpu}`, `kworker/${cpu}:0H-events_highpri`);
  }
  return out;
}

const KTHREADS: readonly string[] = [
  "pool_workqueue_release", "kworker/R-rcu_g", "kworker/R-rcu_p", "kworker/R-slub_", "kworker/R-netns",
  "kworker/0:0-events", "kworker/u8:0-events_unbound", "kworker/R-mm_pe", "rcu_tasks_kthread",
  "rcu_tasks_rude_kthread", "rcu_tasks_trace_kthread", "rcu_preempt", "rcu_exp_par_gp_kthread_worker/0",
  "rcu_exp_gp_kthread_worker", ...perCpuThreads(), "kdevtmpfs", "kworker/R-inet_", "kauditd",
  "khungtaskd", "oom_reaper", "kworker/R-write", "kcompactd0", "ksmd", "khugepaged", "kworker/R-kinte",
  "kworker/R-kbloc", "kworker/R-blkcg", "irq/9-acpi", "kworker/R-tpm_d", "kworker/R-md", "kworker/R-edac-",
  "watchdogd", "kswapd0", "ecryptfs-kthread", "kworker/R-kthro", "kworker/R-acpi_", "scsi_eh_0",
  "kworker/R-scsi_", "kworker/R-mld", "kworker/R-ipv6_", "kworker/R-kstrp", "jbd2/sda1-8",
  "kworker/R-ext4-", "kworker/R-kvm-irqfd-cleanup",
];

const svc = (comm: string, argv: string[], extra: Partial<ProcessSpec & { parent: string }> = {}): ProcessSpec & { parent?: string } => ({
  comm, argv, exe: extra.exe ?? argv[0] ?? "", rssKb: 8000, vszKb: 20000, ...extra,
});

const SERVICES: BootSpec["services"] = [
  svc("systemd-journal", ["/usr/lib/systemd/systemd-journald"], { rssKb: 16000, vszKb: 50300 }),
  svc("systemd-udevd", ["/usr/lib/systemd/systemd-udevd"], { rssKb: 7900, vszKb: 25600 }),
  svc("multipathd", ["/sbin/multipathd", "-d", "-s"], { rssKb: 27000, vszKb: 289300 }),
  svc("systemd-network", ["/usr/lib/systemd/systemd-networkd"], { uid: 998, rssKb: 8500, vszKb: 19900 }),
  svc("systemd-resolve", ["/usr/lib/systemd/systemd-resolved"], { uid: 991, rssKb: 12800, vszKb: 21700 }),
  svc("systemd-timesyn", ["/usr/lib/systemd/systemd-timesyncd"], { uid: 996, rssKb: 7200, vszKb: 91000 }),
  svc("cron", ["/usr/sbin/cron", "-f", "-P"], { rssKb: 2700, vszKb: 6700 }),
  svc("dbus-daemon", ["@dbus-daemon", "--system", "--address=systemd:", "--nofork", "--nopidfile", "--systemd-activation", "--syslog-only"], { exe: "/usr/bin/dbus-daemon", uid: 101, rssKb: 5000, vszKb: 9800 }),
  svc("systemd-logind", ["/usr/lib/systemd/systemd-logind"], { rssKb: 7700, vszKb: 17900 }),
  svc("rsyslogd", ["/usr/sbin/rsyslogd", "-n", "-iNONE"], { uid: 102, rssKb: 5800, vszKb: 222500 }),
  svc("containerd", ["/usr/bin/containerd"], { rssKb: 46000, vszKb: 1872000 }),
  svc("agetty", ["/sbin/agetty", "-o", "-p -- \\u", "--noclear", "-", "linux"], { rssKb: 2000, vszKb: 6200 }),
  svc("sshd", ["sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"], { exe: "/usr/sbin/sshd", rssKb: 9000, vszKb: 12000 }),
  svc("dockerd", ["/usr/bin/dockerd", "-H", "fd://", "--containerd=/run/containerd/containerd.sock"], { rssKb: 78000, vszKb: 2390000 }),
  svc("libvirtd", ["/usr/sbin/libvirtd", "--timeout", "120"], { rssKb: 31000, vszKb: 1460000 }),
  svc("systemd", ["/usr/lib/systemd/systemd", "--user"], { rssKb: 10300, vszKb: 20300 }),
  svc("(sd-pam)", ["(sd-pam)"], { parent: "systemd", exe: "/usr/lib/systemd/systemd", rssKb: 3500, vszKb: 21400 }),
  svc("login", ["/bin/login", "-p", "--"], { rssKb: 4200, vszKb: 9200 }),
  svc("bash", ["-bash"], { parent: "login", exe: "/usr/bin/bash", rssKb: 5100, vszKb: 8700, env: ["HOME=/root", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "SHELL=/bin/bash", "TERM=xterm-256color", "USER=root", "LOGNAME=root"] }),
];

export const UBUNTU_HOST: BootSpec = {
  config: {
    // Linux 6.18, the kernel the reference transcripts were recorded on (decision 0004).
    release: "6.18.0-9-generic",
    version: "#9-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  3 10:12:41 UTC 2025",
    machine: "x86_64",
    cpus: CPUS,
    memTotalKb: 8_131_368,
    lsm: "apparmor",
    pidMax: 4_194_304,
    maxUserNamespaces: 31_479,
    // 2026-11-28 09:00:00 UTC.
    bootEpochMs: 1_795_856_400_000,
  },
  hostname: "host",
  kthreads: KTHREADS,
  services: SERVICES,
  bootNs: 42_000_000_000,
  network: UBUNTU_NETWORK,
  cgroups: { subtreeControl: UBUNTU_SUBTREE_CONTROL, units: UBUNTU_UNITS },
};
