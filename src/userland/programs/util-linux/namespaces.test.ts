// unshare, nsenter, lsns and chroot on a fresh simulated Ubuntu host, compared with the
// reference transcripts (02, 04, 05, 13, 14a–c, 16); PIDs, times and inodes are normalized.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};
/** Drops a ps -ef line's STIME, and inode numbers of namespaces. */
const norm = (s: string) => s.replace(/\d\d:\d\d(?= \?)/g, "HH:MM").replace(/:\[\d+\]/g, ":[N]");
const AS_USER = "setpriv --reuid=1000 --regid=1000 --clear-groups";
const SLEEPER = "unshare --pid --fork --mount-proc --uts --ipc sleep 60 & sleep 1; P=$(pgrep -n sleep)";

describe("unshare", () => {
  it("maps root in a new user namespace (transcript 02)", () => {
    const r = run('unshare --user --map-root-user id; unshare --user --map-root-user sh -c "cat /proc/self/uid_map; cat /proc/self/gid_map; cat /proc/self/setgroups"; unshare --user id; unshare --user sh -c "cat /proc/self/uid_map; echo [end uid_map]; id"');
    expect(r).toEqual({
      out: "uid=0(root) gid=0(root) groups=0(root)\n         0          0          1\n         0          0          1\ndeny\n" +
        "uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n[end uid_map]\nuid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n",
      err: "", status: 0,
    });
  });

  it("gives a forked child PID 1 with its own /proc, and passes on its status (transcript 02)", () => {
    const r = run('unshare --pid --fork --mount-proc ps -ef; unshare --fork sh -c "exit 3"; echo st=$?; unshare --pid --fork --mount-proc readlink /proc/self/ns/pid; readlink /proc/self/ns/pid');
    const lines = norm(r.out).split("\n");
    expect(lines.slice(0, 2)).toEqual(["UID          PID    PPID  C STIME TTY          TIME CMD", "root           1       0  0 HH:MM ?        00:00:00 ps -ef"]);
    expect(lines[2]).toBe("st=3");
    expect(r.out.split("\n")[3]).not.toBe(r.out.split("\n")[4]);
  });

  it("unshares uts, cgroup, mount and time namespaces (transcript 02)", () => {
    const r = run('unshare --uts sh -c "hostname x; hostname"; hostname; unshare --cgroup cat /proc/self/cgroup; ' +
      'unshare --mount sh -c "mount -t tmpfs none /mnt; tail -1 /proc/self/mountinfo"; tail -1 /proc/self/mountinfo; ' +
      'unshare --time sh -c "readlink /proc/self/ns/time /proc/self/ns/time_for_children"; ' +
      'unshare --time --fork --boottime 86400000 --monotonic 1000 cat /proc/self/timens_offsets');
    const lines = r.out.split("\n");
    expect(lines.slice(0, 2)).toEqual(["x", "host"]);
    expect(lines[2]).toBe("0::/");
    expect(lines[3]).toMatch(/^\d+ \d+ 0:\d+ \/ \/mnt rw,relatime - tmpfs none rw$/);
    expect(lines[4]).not.toContain("/mnt");
    expect(lines[5]).toMatch(/^time:\[\d+\]$/);
    expect(lines[6]).toBe(lines[5]);
    expect(lines.slice(7)).toEqual(["monotonic        1000         0", "boottime     86400000         0", ""]);
    expect(r.err).toBe("");
  });

  it("lets root in a user and mount namespace mount, but not in a user namespace alone (transcripts 05, 13)", () => {
    const r = run('unshare --user --map-root-user sh -c "mount -t tmpfs none /mnt"; echo "--- now with --mount:"; unshare --user --map-root-user --mount sh -c "mount -t tmpfs none /mnt && echo mounted-ok-inside-userns+mntns"; ' +
      'unshare -UrmC --propagation=unchanged bash -c "id; cat /proc/self/uid_map"');
    expect(r.out).toBe("--- now with --mount:\nmounted-ok-inside-userns+mntns\nuid=0(root) gid=0(root) groups=0(root)\n         0          0          1\n");
    expect(r.err).toBe("mount: /mnt: permission denied.\n       dmesg(1) may have more information after failed mount system call.\n");
  });

  it("fails in util-linux's words (linux-facts §10)", () => {
    const r = run('capsh --drop=cap_sys_admin -- -c "unshare --mount true"; echo st=$?; unshare -x; echo st=$?; unshare --propagation=sideways true; unshare nosuchcmd; echo st=$?; SHELL=/nonexistent unshare -U; echo st=$?; unshare --map-user=nobodyx true');
    expect(r.out).toBe("st=1\nst=1\nst=127\nst=127\n");
    expect(r.err).toBe("unshare: unshare failed: Operation not permitted\nunshare: invalid option -- 'x'\nTry 'unshare --help' for more information.\n" +
      "unshare: unsupported propagation mode: sideways\nunshare: failed to execute nosuchcmd: No such file or directory\n" +
      "unshare: failed to execute /nonexistent: No such file or directory\nunshare: failed to parse uid: 'nobodyx'\n");
  });
});

describe("nsenter", () => {
  it("enters a process's PID and mount namespaces, forking into the PID namespace (transcript 04)", () => {
    const r = run(`${SLEEPER}; nsenter -t $P -p -m ps -ef; nsenter -t $P --all readlink /proc/self/ns/pid; readlink /proc/$P/ns/pid; nsenter -t $P -u hostname`);
    expect(norm(r.out)).toBe("UID          PID    PPID  C STIME TTY          TIME CMD\nroot           1       0  0 HH:MM ?        00:00:00 sleep 60\n" +
      "root           2       0  0 HH:MM ?        00:00:00 ps -ef\npid:[N]\npid:[N]\nhost\n");
    const [, , , viaNsenter, direct] = r.out.split("\n");
    expect(viaNsenter).toBe(direct);
  });

  it("reports what stops it as the recordings show (transcripts 14a, 14b)", () => {
    const r = run(`${AS_USER} nsenter -t 1 -m -u -i -n -p -- sh -c "hostname; id"; echo st=$?; capsh --drop=cap_sys_admin -- -c "nsenter -t 1 -m -u -i -n -p sh -c id"; echo st=$?; ` +
      "nsenter -t 99999 -i true; nsenter -t abc -m true; nsenter -a true; nsenter -m true; nsenter --bogus; echo st=$?");
    expect(r.out).toBe("st=1\nst=1\nst=1\n");
    expect(r.err).toBe("nsenter: cannot open /proc/1/ns/ipc: Permission denied\nnsenter: reassociate to namespace 'ns/ipc' failed: Operation not permitted\n" +
      "nsenter: cannot open /proc/99999/ns/ipc: No such file or directory\nnsenter: failed to parse pid: 'abc'\nnsenter: no target PID specified for --all\n" +
      "nsenter: neither filename nor target pid supplied for ns/mnt\nnsenter: unrecognized option '--bogus'\nTry 'nsenter --help' for more information.\n");
  });

  it("takes the target's root and working directory with -r and -w", () => {
    const r = run("cd /tmp; unshare --mount sleep 60 & sleep 1; cd /; nsenter -t $(pgrep -n sleep) -m -w readlink /proc/self/cwd; nsenter -t $(pgrep -n sleep) -r -w ls -d /etc");
    expect(r).toEqual({ out: "/tmp\n/etc\n", err: "", status: 0 });
  });
});

describe("lsns", () => {
  it("lists the host's namespaces in util-linux's columns (linux-facts §1)", () => {
    const r = run("lsns; lsns -t user -n -o NS,TYPE");
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("        NS TYPE   NPROCS PID USER COMMAND");
    expect(lines.slice(1, 9).map((l) => l.replace(/\s+\d+\s+1 root \/sbin\/init$/, ""))).toEqual(
      ["4026531832 mnt", "4026531833 net", "4026531834 time", "4026531835 cgroup", "4026531836 pid", "4026531837 user", "4026531838 uts", "4026531839 ipc"]);
    expect(lines[9]).toBe("4026531837 user");
  });

  it("hangs a namespace under the line of its process's parent (transcript 04)", () => {
    const r = run("unshare --pid --fork --mount-proc unshare --pid --fork --mount-proc sleep 60 & sleep 1; lsns -t pid; lsns -p $(pgrep -n sleep) -o NS,TYPE,NPROCS,COMMAND");
    const pid = r.out.split("\n").slice(0, 4).map((l) => l.replace(/^\d{10} pid +\d+ +\d+ /, "NS pid N PID "));
    expect(pid).toEqual([
      "        NS TYPE NPROCS PID USER COMMAND", "NS pid N PID root /sbin/init",
      "NS pid N PID root unshare --pid --fork --mount-proc sleep 60", "NS pid N PID root └─sleep 60",
    ]);
    expect(r.out).toMatch(/\n +NS TYPE +NPROCS COMMAND\n/);
    expect(r.out).toMatch(/\n\d{10} mnt +2 unshare --pid --fork --mount-proc sleep 60\n\d{10} pid +1 └─sleep 60\n$/);
  });

  it("shows the processes of one namespace, and refuses bad arguments", () => {
    const r = run("lsns 4026531836 | head -2; lsns -t foo; lsns -o NS,FOO; lsns -p x; lsns 123");
    expect(r.out).toMatch(/^ *PID PPID USER +COMMAND\n +1 +0 root +\/sbin\/init\n$/);
    expect(r.err).toBe("lsns: unknown namespace type: foo\nlsns: unknown column: FOO\nlsns: invalid PID argument: 'x'\nlsns: not found namespace: 123\n");
  });
});

describe("chroot", () => {
  it("runs a command in a bind mount of the root (transcript 16)", () => {
    const r = run('mkdir /tmp/host; mount --bind / /tmp/host; chroot /tmp/host /bin/bash -c "id; cat /etc/hostname; pwd"; chroot / true && echo chroot-allowed');
    expect(r).toEqual({ out: "uid=0(root) gid=0(root) groups=0(root)\nhost\n/\nchroot-allowed\n", err: "", status: 0 });
  });

  it("fails as coreutils 9.4 does", () => {
    const r = run(`chroot; echo st=$?; chroot /nonexistent true; echo st=$?; mkdir /tmp/e; chroot /tmp/e; echo st=$?; ${AS_USER} chroot /tmp true; echo st=$?; chroot --userspec=ubuntu / id`);
    expect(r.out).toBe("st=125\nst=125\nst=127\nst=125\nuid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),24(cdrom),27(sudo),100(users),988(libvirt)\n");
    expect(r.err).toBe("chroot: missing operand\nTry 'chroot --help' for more information.\nchroot: cannot change root directory to '/nonexistent': No such file or directory\n" +
      "chroot: failed to run command ‘/bin/bash’: No such file or directory\nchroot: cannot change root directory to '/tmp': Operation not permitted\n");
  });
});
