// ls through the kernel, compared with the reference transcripts where they show it (dates
// normalized: the reference host booted at 22:48, the simulated one at 22:56).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";
import { formatDate, humanSize, modeString } from "./ls-format";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

const DATE = /[A-Z][a-z]{2} [ \d]\d (\d\d:\d\d| \d{4})/g;
const normalize = (text: string) => text.replace(DATE, "DATE");

/** The output of `# command` in a reference transcript (up to the blank line before the next command). */
function transcript(file: string, command: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(`/work/shared/reference/transcripts/${file}`, "utf8");
  } catch {
    return undefined;
  }
  const at = text.indexOf(`${command}\n`);
  if (at < 0) return undefined;
  const body = text.slice(at + command.length + 1);
  const end = body.search(/\n\n(# |$)/);
  return body.slice(0, end < 0 ? undefined : end + 1);
}

describe("ls -l", () => {
  it("lists /proc/self/ns as the reference host does (transcript 01)", () => {
    const expected = transcript("01_host_baseline.txt", "# ls -l /proc/self/ns/") ??
      "total 0\nlrwxrwxrwx 1 root root 0 Nov 28 22:48 cgroup -> cgroup:[4026531835]\n";
    const r = run("ls -l /proc/self/ns/");
    expect(r.status).toBe(0);
    expect(normalize(r.out).startsWith(normalize(expected))).toBe(true);
  });

  it("aligns sizes under the widest and counts `total` in KiB (transcript 20)", () => {
    const r = run("mkdir /tmp/m; cd /tmp/m; printf '%015d\\n' 1 > a.txt; printf '%012d\\n' 2 > b.txt; mkdir etc; printf 1234567 > secret.key; ls -l");
    const expected = transcript("20_overlayfs.txt", "# ls -l /tmp/ovl/merged; ls -A /tmp/ovl/upper")?.split("\n").slice(0, 5).join("\n");
    expect(normalize(r.out)).toBe(normalize(`${expected ?? "total 16\n-rw-r--r-- 1 root root   16 Nov 28 23:01 a.txt\n-rw-r--r-- 1 root root   13 Nov 28 23:01 b.txt\ndrwxr-xr-x 2 root root 4096 Nov 28 23:01 etc\n-rw-r--r-- 1 root root    7 Nov 28 23:01 secret.key"}\n`));
  });

  it("shows numeric ids with -n, widths over every operand, and the link text (transcript 05)", () => {
    expect(normalize(run("ls -ln /etc/passwd /proc/1/root").out)).toBe(
      "-rw-r--r-- 1 0 0 1641 DATE /etc/passwd\nlrwxrwxrwx 1 0 0    0 DATE /proc/1/root -> /\n",
    );
  });

  it("prints device numbers as `major, minor` in the size column (transcript 10: ls -l /dev)", () => {
    expect(normalize(run("ls -l /dev/null /dev/fd /dev/zero").out)).toBe(
      "lrwxrwxrwx 1 root root   13 DATE /dev/fd -> /proc/self/fd\ncrw-rw-rw- 1 root root 1, 3 DATE /dev/null\ncrw-rw-rw- 1 root root 1, 5 DATE /dev/zero\n",
    );
  });

  it("lists a symlink itself with -l and -d, but follows a command-line link to a directory otherwise", () => {
    expect(normalize(run("ls -l /bin; ls -ld /bin/").out)).toBe("lrwxrwxrwx 1 root root 7 DATE /bin -> usr/bin\ndrwxr-xr-x 2 root root 4096 DATE /bin/\n");
    expect(run("ls /bin | head -2").out).toBe(run("ls /usr/bin | head -2").out);
  });

  it("omits owner with -g and group with -o, and prints sizes for humans with -h", () => {
    expect(normalize(run("ls -go /etc/hostname; ls -lh /etc/passwd").out)).toBe("-rw-r--r-- 1 5 DATE /etc/hostname\n-rw-r--r-- 1 root root 1.7K DATE /etc/passwd\n");
  });
});

describe("ls listings", () => {
  it("sorts by code point (C.UTF-8) and hides dot files without -a", () => {
    const setup = "mkdir /tmp/s; cd /tmp/s; for f in b B a _x Z1 10 9 .hidden; do : > $f; done; ";
    expect(run(`${setup}ls`).out).toBe("10\n9\nB\nZ1\n_x\na\nb\n");
    expect(run(`${setup}ls -a | head -3; ls -A | head -2`).out).toBe(".\n..\n.hidden\n.hidden\n10\n");
    expect(run(`${setup}ls -r | head -2`).out).toBe("b\na\n");
  });

  it("lists files first, then each directory under a header", () => {
    expect(run("ls /boot /etc/hostname /etc/ssh")).toEqual({
      out: "/etc/hostname\n\n/boot:\ninitrd.img\ninitrd.img-6.18.0-9-generic\nvmlinuz\nvmlinuz-6.18.0-9-generic\n\n/etc/ssh:\nssh_host_ed25519_key\nssh_host_ed25519_key.pub\nsshd_config\nsshd_config.d\n",
      err: "",
      status: 0,
    });
  });

  it("lists directories themselves with -d, inode numbers with -i, and recurses with -R", () => {
    expect(run("ls -d /etc /boot").out).toBe("/boot\n/etc\n");
    expect(run("ls -i /boot/vmlinuz").out).toMatch(/^\d+ \/boot\/vmlinuz\n$/);
    expect(run("mkdir -p /tmp/r/a/b; : > /tmp/r/a/f; ls -R /tmp/r").out).toBe("/tmp/r:\na\n\n/tmp/r/a:\nb\nf\n\n/tmp/r/a/b:\n");
    expect(run("mkdir -p /tmp/r/a; cd /tmp/r; ls -R").out).toBe(".:\na\n\n./a:\n");
  });

  it("recurses into several operands as the reference does (transcript 20: ls -R lower1 lower2)", () => {
    const command = '# cd /tmp/ovl; echo "from base layer" > lower1/a.txt; mkdir lower1/etc; echo "v1" > lower1/etc/app.conf; echo "from layer 2" > lower2/b.txt; echo "secret" > lower2/secret.key; ls -R lower1 lower2';
    const expected = transcript("20_overlayfs.txt", command) ?? "lower1:\na.txt\netc\n\nlower1/etc:\napp.conf\n\nlower2:\nb.txt\nsecret.key\n";
    expect(run(`mkdir -p /tmp/ovl/lower1 /tmp/ovl/lower2; ${command.slice(2)}`)).toEqual({ out: expected, err: "", status: 0 });
  });

  it("sorts by size with -S and by time with -t", () => {
    expect(run("cd /tmp; printf 1 > s1; printf 123 > s3; printf 12 > s2; ls -S s1 s2 s3").out).toBe("s3\ns2\ns1\n");
    expect(run("cd /tmp; : > old; sleep 61; : > new; ls -t old new").out).toBe("new\nold\n");
  });
});

describe("ls errors", () => {
  it("says it cannot access a missing operand and exits 2, listing the rest", () => {
    expect(run("ls /nope")).toEqual({ out: "", err: "ls: cannot access '/nope': No such file or directory\n", status: 2 });
    expect(run("ls /nope /boot/vmlinuz")).toEqual({ out: "/boot/vmlinuz\n", err: "ls: cannot access '/nope': No such file or directory\n", status: 2 });
    expect(run("ls /etc/hostname/x").err).toBe("ls: cannot access '/etc/hostname/x': Not a directory\n");
  });

  it("rejects unknown options with getopt's words and exit 2", () => {
    expect(run("ls -y")).toEqual({ out: "", err: "ls: invalid option -- 'y'\nTry 'ls --help' for more information.\n", status: 2 });
    expect(run("ls --bogus")).toEqual({ out: "", err: "ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n", status: 2 });
  });
});

describe("ls formatting helpers", () => {
  it("writes mode strings with the set-id and sticky letters", () => {
    expect(modeString(0o040755)).toBe("drwxr-xr-x");
    expect(modeString(0o041777)).toBe("drwxrwxrwt");
    expect(modeString(0o104755)).toBe("-rwsr-xr-x");
    expect(modeString(0o102644)).toBe("-rw-r-Sr--");
    expect(modeString(0o120777)).toBe("lrwxrwxrwx");
    expect(modeString(0o020620)).toBe("crw--w----");
  });

  it("rounds human sizes up, with one decimal below 10", () => {
    expect([0, 1023, 1024, 1025, 4096, 10240, 10300, 1048575, 1048576, 5_000_000].map(humanSize)).toEqual(
      ["0", "1023", "1.0K", "1.1K", "4.0K", "10K", "11K", "1.0M", "1.0M", "4.8M"],
    );
  });

  it("shows the time for files of the last six months and the year for older ones", () => {
    const now = { sec: 1_764_370_560, nsec: 0 }; // 2025-11-28 22:56:00 UTC
    expect(formatDate({ sec: now.sec - 3600, nsec: 0 }, now)).toBe("Nov 28 21:56");
    expect(formatDate({ sec: 1_760_000_000, nsec: 0 }, now)).toBe("Oct  9 08:53");
    expect(formatDate({ sec: 1_700_000_000, nsec: 0 }, now)).toBe("Nov 14  2023");
    expect(formatDate({ sec: now.sec + 86_400, nsec: 0 }, now)).toBe("Nov 29  2025");
  });
});
