/** /etc of the Ubuntu 24.04 host: identity, accounts, cron, ssh, docker, network names. */
import type { HostEntry } from "./entry";
import { dir, file, link } from "./entry";
import { GID, GROUP, PASSWD, SHADOW } from "./ubuntu-ids";

const OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.3 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

const hosts = (hostname: string) => `127.0.0.1 localhost
127.0.1.1 ${hostname}

# The following lines are desirable for IPv6 capable hosts
::1     ip6-localhost ip6-loopback
fe00::0 ip6-localnet
ff00::0 ip6-mcastprefix
ff02::1 ip6-allnodes
ff02::2 ip6-allrouters
`;

const CRONTAB = `# /etc/crontab: system-wide crontab
# Unlike any other crontab you don't have to run the \`crontab'
# command to install the new version when you edit this file
# and files in /etc/cron.d. These files also have username fields,
# that none of the other crontabs do.

SHELL=/bin/sh
# You can also override PATH, but by default, newer versions inherit it from the environment
#PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin

# Example of job definition:
# .---------------- minute (0 - 59)
# |  .------------- hour (0 - 23)
# |  |  .---------- day of month (1 - 31)
# |  |  |  .------- month (1 - 12) OR jan,feb,mar,apr ...
# |  |  |  |  .---- day of week (0 - 6) (Sunday=0 or 7) OR sun,mon,tue,wed,thu,fri,sat
# |  |  |  |  |
# *  *  *  *  * user-name command to be executed
17 *	* * *	root	cd / && run-parts --report /etc/cron.hourly
25 6	* * *	root	test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }
47 6	* * 7	root	test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.weekly; }
52 6	1 * *	root	test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.monthly; }
#
`;

const SSHD_CONFIG = `Include /etc/ssh/sshd_config.d/*.conf

#Port 22
#PermitRootLogin prohibit-password
KbdInteractiveAuthentication no
UsePAM yes
X11Forwarding yes
PrintMotd no
AcceptEnv LANG LC_* COLORTERM NO_COLOR
Subsystem	sftp	/usr/lib/openssh/sftp-server
`;

const DAEMON_JSON = `{
  "features": {
    "buildkit": true
  }
}
`;

export const ubuntuEtc = (hostname: string, rootUuid: string): HostEntry[] => [
  file("/etc/hostname", `${hostname}\n`),
  file("/etc/hosts", hosts(hostname)),
  link("/etc/os-release", "../usr/lib/os-release"),
  file("/usr/lib/os-release", OS_RELEASE),
  file("/etc/lsb-release", 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\nDISTRIB_CODENAME=noble\nDISTRIB_DESCRIPTION="Ubuntu 24.04.3 LTS"\n'),
  file("/etc/debian_version", "trixie/sid\n"),
  file("/etc/issue", "Ubuntu 24.04.3 LTS \\n \\l\n\n"),
  file("/etc/passwd", PASSWD),
  file("/etc/group", GROUP),
  file("/etc/shadow", SHADOW, { mode: 0o640, gid: GID.shadow }),
  file("/etc/gshadow", GROUP.replace(/:x:\d+:/g, ":*::"), { mode: 0o640, gid: GID.shadow }),
  file("/etc/subuid", "ubuntu:100000:65536\n"),
  file("/etc/subgid", "ubuntu:100000:65536\n"),
  file("/etc/sudoers", "Defaults\tenv_reset\nDefaults\tsecure_path=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\nroot\tALL=(ALL:ALL) ALL\n%sudo\tALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n", { mode: 0o440 }),
  dir("/etc/sudoers.d", { mode: 0o750 }),
  file("/etc/shells", "# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n"),
  file("/etc/fstab", `# /etc/fstab: static file system information.\nUUID=${rootUuid} / ext4 defaults,errors=remount-ro 0 1\n`),
  link("/etc/resolv.conf", "../run/systemd/resolve/stub-resolv.conf"),
  link("/etc/mtab", "../proc/self/mounts"),
  file("/etc/nsswitch.conf", "passwd:         files systemd\ngroup:          files systemd\nshadow:         files systemd\nhosts:          files dns\n"),
  file("/etc/crontab", CRONTAB),
  dir("/etc/cron.d"),
  file("/etc/cron.d/e2scrub_all", "30 3 * * 0 root test -e /run/systemd/system || SERVICE_MODE=1 /usr/lib/x86_64-linux-gnu/e2fsprogs/e2scrub_all_cron\n10 3 * * * root test -e /run/systemd/system || SERVICE_MODE=1 /sbin/e2scrub_all -A -r\n"),
  dir("/etc/cron.daily"), dir("/etc/cron.hourly"), dir("/etc/cron.weekly"), dir("/etc/cron.monthly"),
  dir("/etc/ssh"),
  file("/etc/ssh/sshd_config", SSHD_CONFIG),
  dir("/etc/ssh/sshd_config.d"),
  file("/etc/ssh/ssh_host_ed25519_key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n", { mode: 0o600 }),
  file("/etc/ssh/ssh_host_ed25519_key.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHn0yq0Jc8v3bTqkR6p9m2f0W5s1aB9xG4e7uQvZl0cd root@host\n"),
  dir("/etc/docker"),
  file("/etc/docker/daemon.json", DAEMON_JSON),
  dir("/etc/apparmor.d"),
  dir("/etc/systemd/system"),
  dir("/etc/libvirt/qemu"),
  file("/etc/environment", 'PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin"\n'),
  file("/etc/profile", 'if [ "${PS1-}" ]; then\n  if [ "${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then\n    if [ -f /etc/bash.bashrc ]; then\n      . /etc/bash.bashrc\n    fi\n  fi\nfi\n'),
  file("/etc/bash.bashrc", "# System-wide .bashrc file for interactive bash(1) shells.\n[ -z \"$PS1\" ] && return\nshopt -s checkwinsize\n"),
  file("/etc/machine-id", "5f1a9c3e8b7d4e2fa0c6b9d8e7f6a5b4\n", { mode: 0o444 }),
];
