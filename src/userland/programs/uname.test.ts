// uname and hostname: what uname(2) answers, and sethostname(2) in the caller's UTS namespace.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

describe("uname", () => {
  it("prints the kernel name by default and every field in s n r v m p i o order with -a", () => {
    expect(run("uname").out).toBe("Linux\n");
    expect(run("uname -a").out).toBe("Linux host 6.18.0-9-generic #9-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  3 10:12:41 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux\n");
  });

  it("keeps the field order whatever the option order", () => {
    expect(run("uname -r; uname -mrs; uname -o -n; uname --kernel-release --machine").out).toBe(
      "6.18.0-9-generic\nLinux 6.18.0-9-generic x86_64\nhost GNU/Linux\n6.18.0-9-generic x86_64\n",
    );
  });

  it("refuses operands", () => {
    expect(run("uname x")).toEqual({ out: "", err: "uname: extra operand ‘x’\nTry 'uname --help' for more information.\n", status: 1 });
  });
});

describe("hostname", () => {
  it("prints the UTS nodename, its short form, and the /etc/hosts names", () => {
    expect(run("hostname; hostname -s; hostname -f; hostname -i; hostname -a; hostname -d").out).toBe("host\nhost\nhost\n127.0.1.1\n\n");
  });

  it("sets the name as root; uname -n and /proc see it (transcript 02: hostname x; hostname)", () => {
    expect(run("hostname web01.example.com; hostname; hostname -s; uname -n; cat /proc/sys/kernel/hostname").out).toBe(
      "web01.example.com\nweb01\nweb01.example.com\nweb01.example.com\n",
    );
  });

  it("checks the name before sethostname(2), as hostname's check_name() does", () => {
    expect(run("hostname bad_name")).toEqual({ out: "", err: "hostname: the specified hostname is invalid\n", status: 1 });
    expect(run("hostname a..b; hostname")).toMatchObject({ out: "host\n", err: "hostname: the specified hostname is invalid\n" });
    expect(run(`hostname ${"a".repeat(65)}`)).toEqual({ out: "", err: "hostname: name too long\n", status: 1 });
  });

  it("reads the name from a file with -F, and says there is no NIS domain", () => {
    expect(run("echo fromfile > /tmp/name; hostname -F /tmp/name; hostname").out).toBe("fromfile\n");
    expect(run("hostname -y")).toEqual({ out: "hostname: Local domain name not set\n", err: "", status: 1 });
  });

  it("prints its usage on stdout for an unknown option and exits 255", () => {
    const r = run("hostname -z");
    expect(r.err).toBe("hostname: invalid option -- 'z'\n");
    expect(r.out.split("\n")[0]).toBe("Usage: hostname [-b] {hostname|-F file}         set host name (from file)");
    expect(r.status).toBe(255);
  });
});
