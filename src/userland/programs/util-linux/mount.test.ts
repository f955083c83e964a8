// mount, umount, findmnt and lsblk on a fresh simulated Ubuntu host, compared with the
// reference transcripts (05, 13, 20, linux-facts §7a) where they show these commands.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};
const DMESG = "       dmesg(1) may have more information after failed mount system call.\n";
const AS_USER = "setpriv --reuid=1000 --regid=1000 --clear-groups";

describe("mount", () => {
  it("lists the mount table in util-linux's words", () => {
    const r = run("mount | head -3; mount -t cgroup2,bpf; mount -t notmpfs | head -1");
    expect(r).toEqual({
      out: "sysfs on /sys type sysfs (rw,nosuid,nodev,noexec,relatime)\nproc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\n" +
        "udev on /dev type devtmpfs (rw,nosuid,relatime,size=4065684k,nr_inodes=1016421,mode=755)\n" +
        "cgroup2 on /sys/fs/cgroup type cgroup2 (rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)\n" +
        "bpf on /sys/fs/bpf type bpf (rw,nosuid,nodev,noexec,relatime,mode=700)\n" +
        "sysfs on /sys type sysfs (rw,nosuid,nodev,noexec,relatime)\n",
      err: "", status: 0,
    });
  });

  it("mounts, binds, remounts, moves and unmounts", () => {
    const r = run("mkdir -p /mnt/a /tmp/src /tmp/dst; mount -t tmpfs -o size=1m,mode=700 none /mnt/a && mount | tail -1; " +
      "mount -o remount,ro /mnt/a; findmnt -n -o VFS-OPTIONS /mnt/a; umount /mnt/a; " +
      "mount --bind /tmp/src /mnt/a; findmnt -n -o SOURCE,FSTYPE /mnt/a; mount -o remount,bind,ro /mnt/a; findmnt -n -o VFS-OPTIONS /mnt/a; umount -l /mnt/a; " +
      "mount --bind -o ro,nosuid /tmp/src /mnt/a; findmnt -n -o VFS-OPTIONS /mnt/a; umount /mnt/a; " +
      "mount --make-private /; mount -t tmpfs moved /mnt/a; mount --move /mnt/a /tmp/dst; findmnt -n -o TARGET,SOURCE /tmp/dst; " +
      "mkdir /tmp/dst/sub; mount -t tmpfs inner /tmp/dst/sub; umount /tmp/dst; echo st=$?; umount -R /tmp/dst; findmnt /tmp/dst; echo st=$?");
    expect(r.out).toBe("none on /mnt/a type tmpfs (rw,relatime,size=1024k,mode=700)\nro,relatime\n/dev/sda1[/tmp/src] ext4\nro,relatime\n" +
      "ro,nosuid,relatime\n/tmp/dst moved\nst=32\nst=1\n");
    expect(r.err).toBe("umount: /tmp/dst: target is busy.\n");
  });

  it("mounts an overlay and shows it as findmnt does (transcript 20)", () => {
    const r = run("cd /tmp; mkdir -p ovl/lower1 ovl/lower2 ovl/upper ovl/work ovl/merged; " +
      "mount -t overlay overlay -o lowerdir=/tmp/ovl/lower2:/tmp/ovl/lower1,upperdir=/tmp/ovl/upper,workdir=/tmp/ovl/work /tmp/ovl/merged; " +
      "findmnt -o TARGET,FSTYPE,OPTIONS /tmp/ovl/merged; umount /tmp/ovl/merged");
    expect(r).toEqual({
      out: "TARGET          FSTYPE  OPTIONS\n/tmp/ovl/merged overlay rw,relatime,lowerdir=/tmp/ovl/lower2:/tmp/ovl/lower1,upperdir=/tmp/ovl/upper,workdir=/tmp/ovl/work,uuid=on\n",
      err: "", status: 0,
    });
  });

  it("changes propagation with --make-*", () => {
    const r = run("mkdir /mnt/a; mount -t tmpfs t /mnt/a; mount --make-private /mnt/a; findmnt -n -o PROPAGATION /mnt/a; mount --make-rshared /mnt/a; findmnt -n -o PROPAGATION /mnt/a; mount --make-private /mnt; echo st=$?");
    expect(r).toEqual({ out: "private\nshared\nst=32\n", err: `mount: /mnt: not mount point or bad option.\n${DMESG}`, status: 0 });
  });

  it("words its failures as util-linux 2.39 does (transcripts 05, 13; linux-facts §7a)", () => {
    const r = run("mkdir /mnt/a; mount -t foofs none /mnt/a; mount -t tmpfs none /nonexistent; mount /dev/nosuch /mnt/a; mount -t ext4 /tmp /mnt/a; " +
      "mount -t tmpfs none /etc/passwd; mount -o remount,ro /tmp; mount --bind /nonexistent /mnt/a; mount /mnt; echo st=$?; mount a b c; echo st=$?; " +
      `${AS_USER} mount -t tmpfs none /mnt; echo st=$?; unshare --user --map-root-user mount -t tmpfs none /mnt; echo st=$?`);
    expect(r.out).toBe("st=1\nst=1\nst=32\nst=32\n");
    expect(r.err).toBe([
      "mount: /mnt/a: unknown filesystem type 'foofs'.", DMESG.trimEnd(), "mount: /nonexistent: mount point does not exist.", DMESG.trimEnd(),
      "mount: /mnt/a: special device /dev/nosuch does not exist.", DMESG.trimEnd(), "mount: /mnt/a: /tmp is not a block device.", DMESG.trimEnd(),
      "mount: /etc/passwd: mount point is not a directory.", DMESG.trimEnd(), "mount: /tmp: mount point not mounted or bad option.", DMESG.trimEnd(),
      "mount: /mnt/a: special device /nonexistent does not exist.", DMESG.trimEnd(), "mount: /mnt: can't find in /etc/fstab.",
      "mount: bad usage", "Try 'mount --help' for more information.", "mount: /mnt: must be superuser to use mount.", DMESG.trimEnd(),
      "mount: /mnt: permission denied.", DMESG.trimEnd(), "",
    ].join("\n"));
  });
});

describe("umount", () => {
  it("unmounts, lazily too, and says why it cannot", () => {
    const r = run(`mkdir /mnt/a; mount -t tmpfs t /mnt/a; umount -v /mnt/a; umount /mnt/a; echo st=$?; umount /nonexistent; umount; echo st=$?; ${AS_USER} umount /run; echo st=$?; cd /mnt; umount a; mount -t tmpfs src9 /mnt/a; umount src9 && echo by-source`);
    expect(r.out).toBe("umount: /mnt/a unmounted\nst=32\nst=1\nst=32\nby-source\n");
    expect(r.err).toBe("umount: /mnt/a: not mounted.\numount: /nonexistent: no mount point specified.\numount: bad usage\nTry 'umount --help' for more information.\n" +
      "umount: /run: must be superuser to unmount.\numount: /mnt/a: not mounted.\n");
  });
});

describe("findmnt", () => {
  it("draws the mount tree with the real glyphs, children in mount-id order", () => {
    const lines = run("findmnt").out.split("\n");
    expect(lines[0]).toMatch(/^TARGET +SOURCE +FSTYPE +OPTIONS$/);
    expect(lines[1]).toMatch(/^\/ +\/dev\/sda1 +ext4 +rw,relatime,errors=remount-ro$/);
    expect(lines[2]).toMatch(/^├─\/sys +sysfs +sysfs +rw,nosuid,nodev,noexec,relatime$/);
    expect(lines[3]).toMatch(/^│ ├─\/sys\/kernel\/security +securityfs/);
    expect(lines.filter((l) => l.startsWith("└─"))).toHaveLength(1);
    expect(lines.every((l) => l === "" || l.indexOf("SOURCE") < 0 || l.startsWith("TARGET"))).toBe(true);
  });

  it("lists matches flat, with -n, -o, -l, -t, -S and -T, and exits 1 when nothing matches", () => {
    const r = run("findmnt -t cgroup2,bpf; findmnt -l -n -o TARGET -t tmpfs; findmnt -S udev -o SOURCE,TARGET; findmnt -n -T /etc/passwd -o TARGET; findmnt /nonexistent; echo st=$?; findmnt -o BOGUS");
    expect(r.out).toBe("TARGET         SOURCE  FSTYPE  OPTIONS\n/sys/fs/cgroup cgroup2 cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot\n" +
      "/sys/fs/bpf    bpf     bpf     rw,nosuid,nodev,noexec,relatime,mode=700\n/run\n/dev/shm\n/run/lock\n/run/user/0\nSOURCE TARGET\nudev   /dev\n/\nst=1\n");
    expect(r.err).toBe("findmnt: unknown column: BOGUS\n");
  });
});

describe("lsblk", () => {
  it("lists the disk and its partition with their mount points", () => {
    const r = run("lsblk; lsblk -b -o NAME,SIZE -d; lsblk -n -l -o NAME,TYPE /dev/sda1; lsblk /dev/nosuch; echo st=$?");
    expect(r.out).toBe("NAME   MAJ:MIN RM SIZE RO TYPE MOUNTPOINTS\nsda      8:0    0  40G  0 disk \n└─sda1   8:1    0  40G  0 part /\n" +
      "NAME        SIZE\nsda  42949672960\nsda1 part\nst=32\n");
    expect(r.err).toBe("lsblk: /dev/nosuch: not a block device\n");
  });
});
