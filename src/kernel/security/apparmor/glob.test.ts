import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aaGlobMatch, aaGlobToRegexSource, expandVariables, filterSlashes } from "./glob";

describe("AppArmor globs (parser_regex.c convert_aaregex_to_pcre)", () => {
  it("compiles each glob form to the parser's expression", () => {
    expect(aaGlobToRegexSource("/proc/*")).toEqual({ source: "^/proc/[^/][^/]*$" });
    expect(aaGlobToRegexSource("/sys/firmware/**")).toEqual({ source: "^/sys/firmware/[^/].*$" });
    expect(aaGlobToRegexSource("/sys/kernel/{?,??,[^s][^h][^m]**}")).toEqual({ source: "^/sys/kernel/(?:[^/]|[^/][^/]|[^s][^h][^m].*)$" });
    expect(aaGlobToRegexSource("/etc/ld.so.cache")).toEqual({ source: "^/etc/ld\\.so\\.cache$" });
    expect(aaGlobToRegexSource("/a/{b,c")).toEqual({ error: "unclosed" });
    expect(aaGlobToRegexSource("/a/b}")).toEqual({ error: "bad-close" });
  });

  it("keeps * inside one path component", () => {
    expect(aaGlobMatch("/proc/*", "/proc/sysrq-trigger")).toBe(true);
    expect(aaGlobMatch("/proc/*", "/proc/1/environ")).toBe(false);
    expect(aaGlobMatch("/sys/[^f]*/**", "/sys/kernel/security/lsm")).toBe(true);
  });

  it("lets ** cross slashes", () => {
    expect(aaGlobMatch("/sys/firmware/**", "/sys/firmware/efi/efivars/x")).toBe(true);
    expect(aaGlobMatch("/proc/sys/[^k]**", "/proc/sys/net/ipv4/ip_forward")).toBe(true);
  });

  it("does not let a whole-component * or ** match an empty component", () => {
    expect(aaGlobMatch("/proc/*", "/proc/")).toBe(false);
    expect(aaGlobMatch("/sys/kernel/security/**", "/sys/kernel/security/")).toBe(false);
    expect(aaGlobMatch("/sys/kernel/security/**", "/sys/kernel/security/lsm")).toBe(true);
    expect(aaGlobMatch("/tmp/*.log", "/tmp/.log")).toBe(true);
  });

  it("matches ? as one non-slash character", () => {
    expect(aaGlobMatch("/proc/sys/kernel/{?,??}", "/proc/sys/kernel/ab")).toBe(true);
    expect(aaGlobMatch("/a?c", "/a/c")).toBe(false);
  });

  it("lets a negated character class match '/', unlike * and ? [regression: moby wrote [^1-9/]]", () => {
    expect(aaGlobMatch("/a[^b]c", "/a/c")).toBe(true);
    expect(aaGlobMatch("/a[^b/]c", "/a/c")).toBe(false);
    expect(aaGlobMatch("/v[0-9]", "/v7")).toBe(true);
  });

  it("nests alternations", () => {
    expect(aaGlobMatch("/{usr/,}{s,}bin/*", "/usr/sbin/nginx")).toBe(true);
    expect(aaGlobMatch("/{usr/,}{s,}bin/*", "/bin/sh")).toBe(true);
    expect(aaGlobMatch("/{usr/,}{s,}bin/*", "/opt/bin/sh")).toBe(false);
  });

  it("expands variables and collapses the slashes they leave behind", () => {
    expect(filterSlashes(expandVariables("@{PROC}/sysrq-trigger", { PROC: "/proc/" }))).toBe("/proc/sysrq-trigger");
    expect(expandVariables("@{HOME}/x", {})).toBe("@{HOME}/x");
  });

  it("matches a glob without special characters only to itself (property)", () => {
    const segment = fc.stringMatching(/^[a-z0-9._-]{1,8}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(segment, { minLength: 1, maxLength: 4 }), (a, b) => {
        const p = `/${a.join("/")}`;
        const q = `/${b.join("/")}`;
        expect(aaGlobMatch(p, q)).toBe(p === q);
        expect(aaGlobMatch(`/${a[0]}/**`, q)).toBe(b.length > 1 && b[0] === a[0]);
      }),
    );
  });
});
