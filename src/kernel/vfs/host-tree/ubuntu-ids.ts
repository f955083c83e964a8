/**
 * Users and groups of the Ubuntu 24.04 host (base system, openssh-server, docker-ce, libvirt).
 * The boot spec's service uids (systemd-network 998, systemd-resolve 991, systemd-timesync 996,
 * messagebus 101, syslog 102) match these.
 */

export const GID = {
  root: 0, adm: 4, tty: 5, disk: 6, kmem: 15, dialout: 20, sudo: 27, shadow: 42, utmp: 43,
  nogroup: 65534, syslog: 102, crontab: 997, kvm: 993, docker: 989, libvirt: 988, ubuntu: 1000,
} as const;

export const UID = { root: 0, syslog: 102, ubuntu: 1000, libvirtQemu: 64055, nobody: 65534 } as const;

export const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin
systemd-timesync:x:996:996:systemd Time Synchronization:/:/usr/sbin/nologin
dhcpcd:x:100:65534:DHCP Client Daemon,,,:/usr/lib/dhcpcd:/bin/false
messagebus:x:101:101::/nonexistent:/usr/sbin/nologin
syslog:x:102:102::/nonexistent:/usr/sbin/nologin
systemd-resolve:x:991:991:systemd Resolver:/:/usr/sbin/nologin
uuidd:x:103:104::/run/uuidd:/usr/sbin/nologin
tss:x:104:105:TPM software stack,,,:/var/lib/tpm:/bin/false
sshd:x:105:65534::/run/sshd:/usr/sbin/nologin
polkitd:x:990:990:User for polkitd:/:/usr/sbin/nologin
libvirt-qemu:x:64055:993:Libvirt Qemu,,,:/var/lib/libvirt:/usr/sbin/nologin
libvirt-dnsmasq:x:106:108:Libvirt Dnsmasq,,,:/var/lib/libvirt/dnsmasq:/usr/sbin/nologin
ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash
`;

export const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:syslog,ubuntu
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:ubuntu
floppy:x:25:
tape:x:26:
sudo:x:27:ubuntu
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:ubuntu
nogroup:x:65534:
systemd-journal:x:999:
systemd-network:x:998:
crontab:x:997:
systemd-timesync:x:996:
input:x:995:
sgx:x:994:
kvm:x:993:libvirt-qemu
render:x:992:
systemd-resolve:x:991:
messagebus:x:101:
syslog:x:102:
_ssh:x:103:
uuidd:x:104:
tss:x:105:
polkitd:x:990:
docker:x:989:
libvirt:x:988:ubuntu
libvirt-qemu:x:64055:libvirt-qemu
libvirt-dnsmasq:x:108:
ubuntu:x:1000:
`;

const SYSTEM_USERS = [
  "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data",
  "backup", "list", "irc", "_apt", "nobody", "systemd-network", "systemd-timesync", "dhcpcd",
  "messagebus", "syslog", "systemd-resolve", "uuidd", "tss", "sshd", "polkitd", "libvirt-qemu",
  "libvirt-dnsmasq",
];

/** Locked system accounts (`*`, `!`), root without a password, the admin user with a yescrypt hash. */
export const SHADOW = [
  "root:*:20228:0:99999:7:::",
  ...SYSTEM_USERS.map((u) => `${u}:${u.startsWith("systemd") || u === "polkitd" ? "!*" : "*"}:20228::::::`),
  "ubuntu:$y$j9T$Xq1uFq0nU4n8yRkY3m1qP/$2G0b6m0wKqvV8bJmE0dHqKQm6m5FQ7zv4Jc1u0d8aS7:20240:0:99999:7:::",
].join("\n") + "\n";
