// wc: the counts, and the column width GNU wc derives from the inputs' stat(2).
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

describe("wc", () => {
  it("counts lines, words and bytes, as wide as the total size of the regular files", () => {
    expect(run("printf 'one two\\nthree\\n' > /tmp/a; wc /tmp/a").out).toBe(" 2  3 14 /tmp/a\n");
    expect(run("printf 'one two\\nthree\\n' > /tmp/a; seq 100 > /tmp/b; wc /tmp/a /tmp/b").out).toBe(
      "  2   3  14 /tmp/a\n100 100 292 /tmp/b\n102 103 306 total\n",
    );
  });

  it("uses width 1 for one count of one input, and at least 7 for a pipe", () => {
    expect(run("seq 100 > /tmp/b; wc -l /tmp/b; wc -c < /tmp/b; seq 3 | wc; seq 3 | wc -l").out).toBe("100 /tmp/b\n292\n      3       3       6\n3\n");
  });

  it("prints the counts in l w m c L order whatever the option order", () => {
    expect(run("printf 'ab\\tc\\nlonger line\\n' > /tmp/c; wc -cl /tmp/c; wc -L /tmp/c; wc -wm /tmp/c").out).toBe(
      " 2 17 /tmp/c\n11 /tmp/c\n 4 17 /tmp/c\n",
    );
  });

  it("reports a missing file and a directory, and still totals the rest", () => {
    expect(run("wc /nope /etc/hostname")).toEqual({ out: "1 1 5 /etc/hostname\n1 1 5 total\n", err: "wc: /nope: No such file or directory\n", status: 1 });
    expect(run("wc -c /etc")).toEqual({ out: "0 /etc\n", err: "wc: /etc: Is a directory\n", status: 1 });
  });

  it("honours --total", () => {
    expect(run("wc --total=only -l /etc/hostname /etc/hostname; wc --total=never -c /etc/hostname /etc/hostname").out).toBe("2\n 5 /etc/hostname\n 5 /etc/hostname\n");
  });
});
