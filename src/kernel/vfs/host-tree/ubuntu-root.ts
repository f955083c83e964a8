/**
 * The root filesystem of the Ubuntu 24.04 host (/dev/sda1, ext4): the merged-/usr layout
 * (/bin → usr/bin), home directories, /var with Docker's and libvirt's state, and the empty
 * directories other filesystems are mounted on.
 */
import type { HostEntry } from "./entry";
import { dir, file, link, links, prog } from "./entry";
import { GID, UID } from "./ubuntu-ids";
import { ubuntuEtc } from "./ubuntu-etc";
import { ubuntuPrograms } from "./ubuntu-bin";

const BASHRC = "# ~/.bashrc: executed by bash(1) for non-login shells.\n[ -z \"$PS1\" ] && return\nHISTCONTROL=ignoreboth\nshopt -s histappend\nPS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\nalias ls='ls --color=auto'\n";
const PROFILE = "# ~/.profile: executed by Bourne-compatible login shells.\nif [ \"$BASH\" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\nmesg n 2> /dev/null || true\n";
const ADMIN_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOq5dVb0mG7t3J8YfC2kR1sLw9pXz4nH6aE0uT5yQ2vB admin@workstation\n";

const TOP: HostEntry[] = [
  ...links("/", [["bin", "usr/bin"], ["sbin", "usr/sbin"], ["lib", "usr/lib"], ["lib64", "usr/lib64"]]),
  dir("/lost+found", { mode: 0o700 }),
  dir("/boot"), link("/boot/vmlinuz", "vmlinuz-6.18.0-9-generic"), link("/boot/initrd.img", "initrd.img-6.18.0-9-generic"),
  file("/boot/vmlinuz-6.18.0-9-generic", "", { mode: 0o600 }), file("/boot/initrd.img-6.18.0-9-generic", "", { mode: 0o644 }),
  dir("/dev"), dir("/proc", { mode: 0o555 }), dir("/sys", { mode: 0o555 }), dir("/run"),
  dir("/tmp", { mode: 0o1777 }), dir("/mnt"), dir("/media"), dir("/opt"), dir("/srv"), dir("/snap"),
  dir("/usr/local/bin"), dir("/usr/local/sbin"), dir("/usr/lib64"), dir("/usr/share"), dir("/usr/games"),
  link("/usr/lib64/ld-linux-x86-64.so.2", "../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"),
  file("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "", { mode: 0o755 }),
  file("/usr/lib/x86_64-linux-gnu/libc.so.6", "", { mode: 0o755 }),
];

const HOMES: HostEntry[] = [
  dir("/root", { mode: 0o700 }),
  file("/root/.bashrc", BASHRC), file("/root/.profile", PROFILE),
  dir("/root/.ssh", { mode: 0o700 }),
  file("/root/.ssh/authorized_keys", ADMIN_KEY, { mode: 0o600 }),
  dir("/home"),
  dir("/home/ubuntu", { mode: 0o750, uid: UID.ubuntu, gid: GID.ubuntu }),
  file("/home/ubuntu/.bashrc", BASHRC, { uid: UID.ubuntu, gid: GID.ubuntu }),
  file("/home/ubuntu/.profile", PROFILE, { uid: UID.ubuntu, gid: GID.ubuntu }),
  dir("/home/ubuntu/.ssh", { mode: 0o700, uid: UID.ubuntu, gid: GID.ubuntu }),
  file("/home/ubuntu/.ssh/authorized_keys", ADMIN_KEY, { mode: 0o600, uid: UID.ubuntu, gid: GID.ubuntu }),
];

const DOCKER_DIRS = ["buildkit", "containers", "image", "network", "overlay2", "plugins", "runtimes", "swarm", "tmp", "volumes"];

const VAR: HostEntry[] = [
  link("/var/run", "/run"), link("/var/lock", "/run/lock"),
  dir("/var/tmp", { mode: 0o1777 }),
  dir("/var/log", { mode: 0o775, gid: GID.syslog }),
  file("/var/log/syslog", "", { mode: 0o640, uid: UID.syslog, gid: GID.adm }),
  file("/var/log/kern.log", "", { mode: 0o640, uid: UID.syslog, gid: GID.adm }),
  file("/var/log/auth.log", "", { mode: 0o640, uid: UID.syslog, gid: GID.adm }),
  dir("/var/spool/cron/crontabs", { mode: 0o1730, gid: GID.crontab }),
  dir("/var/cache"), dir("/var/backups"), dir("/var/mail", { mode: 0o2775, gid: 8 }), dir("/var/www"),
  dir("/var/lib/docker", { mode: 0o710 }),
  ...DOCKER_DIRS.map((d) => dir(`/var/lib/docker/${d}`, { mode: d === "volumes" ? 0o701 : 0o710 })),
  dir("/var/lib/docker/overlay2/l", { mode: 0o700 }),
  dir("/var/lib/docker/image/overlay2/imagedb/content/sha256", { mode: 0o700 }),
  dir("/var/lib/docker/image/overlay2/layerdb/sha256", { mode: 0o700 }),
  file("/var/lib/docker/image/overlay2/repositories.json", '{"Repositories":{}}', { mode: 0o600 }),
  file("/var/lib/docker/volumes/metadata.db", "", { mode: 0o600 }),
  dir("/var/lib/containerd", { mode: 0o711 }),
  dir("/var/lib/libvirt/images", { mode: 0o711 }),
  file("/var/lib/libvirt/images/guest.qcow2", "", { mode: 0o600, uid: UID.libvirtQemu, gid: GID.kvm }),
  dir("/var/lib/libvirt/qemu", { mode: 0o751, uid: UID.libvirtQemu, gid: GID.kvm }),
  dir("/var/lib/dpkg"), dir("/var/lib/apt/lists"),
];

/** Every entry of the host's root filesystem, in creation order. */
export const ubuntuRootFs = (hostname: string, rootUuid: string): HostEntry[] => [
  ...TOP,
  ...ubuntuPrograms(),
  prog("/usr/lib/openssh/sftp-server", 138200),
  ...ubuntuEtc(hostname, rootUuid),
  ...HOMES,
  ...VAR,
];
