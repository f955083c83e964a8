/**
 * Executables of the Ubuntu 24.04 host (/usr/bin, /usr/sbin, /usr/lib/systemd) with the sizes
 * of the amd64 packages. Each is a program marker: the userland runs its own implementation.
 */
import type { HostEntry } from "./entry";
import { links, prog, progs } from "./entry";
import { GID } from "./ubuntu-ids";

const USR_BIN: readonly (readonly [string, number])[] = [
  ["bash", 1446024], ["dash", 125688], ["ls", 142312], ["cat", 35280], ["cp", 141832], ["mv", 137736],
  ["rm", 59912], ["mkdir", 72072], ["rmdir", 43616], ["ln", 55720], ["chmod", 59912], ["chown", 72072],
  ["chgrp", 67976], ["touch", 93864], ["echo", 35120], ["pwd", 39280], ["head", 43432], ["tail", 68104],
  ["wc", 48160], ["sort", 116880], ["uniq", 43560], ["grep", 186008], ["sed", 121520], ["mawk", 162016],
  ["find", 224848], ["xargs", 68776], ["id", 39432], ["whoami", 35208], ["hostname", 22760],
  ["uname", 35208], ["date", 104008], ["sleep", 35336], ["env", 43976], ["true", 27016], ["false", 27016],
  ["test", 43632], ["[", 51888], ["tee", 39368], ["tr", 47496], ["cut", 47464], ["stat", 84568],
  ["readlink", 43536], ["realpath", 43528], ["basename", 35208], ["dirname", 35080], ["printf", 55944],
  ["seq", 47528], ["yes", 31112], ["expr", 47688], ["dd", 76048], ["df", 84904], ["du", 96744],
  ["sync", 31048], ["truncate", 39352], ["mknod", 64008], ["mkfifo", 35240], ["nproc", 35240],
  ["timeout", 39472], ["setsid", 14568], ["tar", 531376], ["gzip", 95504], ["less", 191264],
  ["more", 47488], ["nano", 283400], ["vim.basic", 3746368], ["which", 4906], ["clear", 14568],
  ["groups", 35208], ["getent", 35656], ["ps", 141384], ["top", 133184], ["kill", 31120],
  ["pgrep", 35776], ["pkill", 35776], ["free", 27104], ["uptime", 14624], ["w", 27376], ["pstree", 39392],
  ["dmesg", 84256], ["lsblk", 137688], ["findmnt", 71920], ["lsns", 63320], ["nsenter", 43728],
  ["unshare", 55952], ["setpriv", 51824], ["lscpu", 108880], ["mountpoint", 18744], ["ip", 784184],
  ["ss", 148744], ["bridge", 145824], ["ping", 89768], ["curl", 260328], ["wget", 531728],
  ["ssh", 1051112], ["scp", 121608], ["ssh-keygen", 514512], ["strace", 1916480], ["python3.12", 8021824],
  ["systemctl", 1443144], ["journalctl", 84320], ["sudo", 277936], ["su", 55680], ["passwd", 72064],
  ["chsh", 44808], ["chfn", 70888], ["gpasswd", 88496], ["newgrp", 40664], ["mount", 51584],
  ["umount", 35200], ["crontab", 39664], ["fusermount3", 39296], ["dpkg", 318168], ["apt", 18824],
  ["capsh", 31168], ["getpcaps", 14408], ["docker", 38_346_304], ["dockerd", 92_651_240],
  ["docker-proxy", 2_711_712], ["containerd", 39_079_016], ["containerd-shim-runc-v2", 8_560_640],
  ["ctr", 19_693_568], ["runc", 11_313_560], ["virsh", 708_904], ["qemu-system-x86_64", 21_139_512],
  ["kmod", 174128],
];

const SETUID: readonly string[] = ["sudo", "su", "passwd", "chsh", "chfn", "gpasswd", "newgrp", "mount", "umount", "fusermount3"];

const USR_BIN_LINKS: readonly (readonly [string, string])[] = [
  ["sh", "dash"], ["awk", "/etc/alternatives/awk"], ["vi", "/etc/alternatives/vi"], ["vim", "/etc/alternatives/vim"],
  ["python3", "python3.12"], ["egrep", "grep"], ["fgrep", "grep"], ["lsmod", "kmod"], ["pidof", "/sbin/killall5"],
  ["rbash", "bash"], ["ctr-runc", "runc"],
];

const USR_SBIN: readonly (readonly [string, number])[] = [
  ["chroot", 39240], ["pivot_root", 14552], ["switch_root", 22752], ["setcap", 14408], ["getcap", 14408],
  ["fdisk", 161848], ["mke2fs", 133640], ["useradd", 146728], ["userdel", 97968], ["usermod", 139752],
  ["groupadd", 88480], ["sysctl", 31232], ["xtables-nft-multi", 256088], ["sshd", 1002752], ["cron", 51976],
  ["rsyslogd", 770128], ["libvirtd", 530_632], ["multipathd", 150440], ["losetup", 116344], ["blkid", 47496],
  ["agetty", 64024], ["runuser", 55688], ["nologin", 14640], ["visudo", 223216], ["killall5", 22912],
  ["iptables-legacy", 108336],
];

const USR_SBIN_LINKS: readonly (readonly [string, string])[] = [
  ["init", "../lib/systemd/systemd"], ["mkfs.ext4", "mke2fs"], ["iptables", "/etc/alternatives/iptables"],
  ["modprobe", "../bin/kmod"], ["insmod", "../bin/kmod"], ["reboot", "../bin/systemctl"],
  ["shutdown", "../bin/systemctl"], ["poweroff", "../bin/systemctl"], ["halt", "../bin/systemctl"],
];

const SYSTEMD: readonly (readonly [string, number])[] = [
  ["systemd", 92_016], ["systemd-journald", 158_952], ["systemd-udevd", 27_144], ["systemd-networkd", 1_919_160],
  ["systemd-resolved", 612_320], ["systemd-timesyncd", 55_688], ["systemd-logind", 268_296],
];

export const ubuntuPrograms = (): HostEntry[] => [
  ...USR_BIN.map(([name, size]) =>
    SETUID.includes(name) ? prog(`/usr/bin/${name}`, size, { mode: 0o4755 })
      : name === "crontab" ? prog(`/usr/bin/${name}`, size, { mode: 0o2755, gid: GID.crontab })
        : prog(`/usr/bin/${name}`, size)),
  ...links("/usr/bin", USR_BIN_LINKS),
  ...progs("/usr/sbin", USR_SBIN),
  prog("/usr/sbin/unix_chkpwd", 31040, { mode: 0o2755, gid: GID.shadow }),
  ...links("/usr/sbin", USR_SBIN_LINKS),
  ...progs("/usr/lib/systemd", SYSTEMD),
  ...links("/etc/alternatives", [
    ["awk", "/usr/bin/mawk"], ["vi", "/usr/bin/vim.basic"], ["vim", "/usr/bin/vim.basic"],
    ["iptables", "/usr/sbin/xtables-nft-multi"],
  ]),
];
