// seq and yes, including yes meeting a pipe whose reader has gone.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

describe("seq", () => {
  it("counts from 1, FIRST, or FIRST by INCREMENT up to LAST", () => {
    expect(run("seq 3; seq 4 6; seq 1 3 10; seq 3 -1 1; seq -2 0").out).toBe("1\n2\n3\n4\n5\n6\n1\n4\n7\n10\n3\n2\n1\n-2\n-1\n0\n");
    expect(run("seq 5 1").out).toBe("");
  });

  it("uses the operands' decimals, equal widths with -w, a separator with -s, a format with -f", () => {
    expect(run("seq 1 0.5 2; seq 0.1 0.1 0.3; seq -w 8 10; seq -s, 3; seq -f '%.2f' 2; seq -s ' ' -w -1 1").out).toBe(
      "1.0\n1.5\n2.0\n0.1\n0.2\n0.3\n08\n09\n10\n1,2,3\n1.00\n2.00\n-1 00 01\n",
    );
  });

  it("streams a long run into a pipe", () => {
    expect(run("seq 100000 | tail -1; seq 1000000 | head -2").out).toBe("100000\n1\n2\n");
  });

  it("refuses bad operands in seq's words", () => {
    expect(run("seq")).toEqual({ out: "", err: "seq: missing operand\nTry 'seq --help' for more information.\n", status: 1 });
    expect(run("seq x")).toEqual({ out: "", err: "seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n", status: 1 });
    expect(run("seq 1 0 2").err).toBe("seq: invalid Zero increment value: ‘0’\nTry 'seq --help' for more information.\n");
    expect(run("seq 1 2 3 4").err).toBe("seq: extra operand ‘4’\nTry 'seq --help' for more information.\n");
    expect(run("seq -f '%d' 3").err).toBe("seq: format ‘%d’ has unknown %d directive\n");
  });
});

describe("yes", () => {
  it("repeats y, or its arguments, until the reader is gone", () => {
    expect(run("yes | head -3; yes a b | head -n 2")).toEqual({ out: "y\ny\ny\na b\na b\n", err: "", status: 0 });
  });

  it("dies of SIGPIPE when head exits (status 141 in the shell)", () => {
    expect(run("(yes; echo \"yes=$?\" >&2) | head -1")).toEqual({ out: "y\n", err: "yes=141\n", status: 0 });
  });
});
