// printf(1): directives, escapes, format reuse, and the numeric checks of coreutils.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

describe("printf", () => {
  it("formats %s %d %x %o %c %% with flags, width and precision", () => {
    expect(run(`printf '%s|%5s|%-5s|%.2s|%d|%+d|%05d|%x|%X|%#x|%o|%#o|%c|%%\\n' ab cd ef ghij 42 7 -42 255 255 255 8 8 xyz`).out).toBe(
      "ab|   cd|ef   |gh|42|+7|-0042|ff|FF|0xff|10|010|x|%\n",
    );
  });

  it("expands \\n \\t \\\\ and octal/hex escapes in the format, and %b in arguments", () => {
    expect(run(`printf 'a\\tb\\\\c\\101\\x42\\n'; printf '%b|%s\\n' 'x\\ty' 'x\\ty'`).out).toBe("a\tb\\cAB\nx\ty|x\\ty\n");
    expect(run(`printf 'one\\ctwo'; printf '%b' 'stop\\chere'; echo`).out).toBe("onestop\n");
  });

  it("reuses the format for the remaining arguments, missing ones as empty or zero", () => {
    expect(run("printf '%s=%d\\n' a 1 b 2 c").out).toBe("a=1\nb=2\nc=0\n");
    expect(run("printf '[%s]\\n' x y z").out).toBe("[x]\n[y]\n[z]\n");
  });

  it("takes * widths, 'c character codes, and floats", () => {
    expect(run(`printf '%*d|%-*s|%d|%.3f|%e|%g|%g\\n' 4 7 3 a "'A" 3.14159 12345.678 0.0001 1e10`).out).toBe("   7|a  |65|3.142|1.234568e+04|0.0001|1e+10\n");
  });

  it("checks numbers as strtoimax does, printing what it could and exiting 1", () => {
    expect(run("printf '%d %d\\n' abc 12x")).toEqual({
      out: "0 12\n",
      err: "printf: ‘abc’: expected a numeric value\nprintf: ‘12x’: value not completely converted\n",
      status: 1,
    });
    expect(run("printf '%d %x %o\\n' 0x1f 010 -1").out).toBe("31 8 1777777777777777777777\n");
  });

  it("rounds exact ties to even as glibc does, and reads unsigned conversions with strtoumax", () => {
    expect(run("printf '%.0f %.0f %.1f %.0e %g\\n' 2.5 3.5 0.25 25 2.5").out).toBe("2 4 0.2 2e+01 2.5\n");
    expect(run("printf '%u %x\\n' -1 99999999999999999999")).toEqual({
      out: "18446744073709551615 ffffffffffffffff\n",
      err: "printf: ‘99999999999999999999’: Numerical result out of range\n",
      status: 1,
    });
    expect(run("printf '[%c]'").out).toBe("[\0]");
  });

  it("complains about a missing format, a bad directive and excess arguments", () => {
    expect(run("printf")).toEqual({ out: "", err: "printf: missing operand\nTry 'printf --help' for more information.\n", status: 1 });
    expect(run("printf '%y'")).toEqual({ out: "", err: "printf: %y: invalid conversion specification\n", status: 1 });
    expect(run("printf 'a%5%'")).toEqual({ out: "a", err: "printf: %5%: invalid conversion specification\n", status: 1 });
    expect(run("printf hi there")).toEqual({ out: "hi", err: "printf: warning: ignoring excess arguments, starting with ‘there’\n", status: 0 });
  });
});
