import { describe, expect, it } from "vitest";
import { DOCKER_DEFAULT_SECCOMP } from "./docker-default";
import { goJsonSyntaxError } from "./go-json";
import { parseSeccompProfile } from "./parse-profile";

const parse = (text: string) => parseSeccompProfile(text, "the seccomp profile in p.json");
const error = (text: string) => {
  const r = parse(text);
  return r.ok ? undefined : r.error;
};

describe("parseSeccompProfile", () => {
  it("reads a deny-list profile", () => {
    expect(parse('{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"name":"mkdir","action":"SCMP_ACT_ERRNO","errnoRet":13}]}')).toEqual({
      ok: true,
      value: {
        label: "the seccomp profile in p.json", defaultAction: "SCMP_ACT_ALLOW",
        syscalls: [{ names: ["mkdir"], action: "SCMP_ACT_ERRNO", errnoRet: 13 }],
      },
    });
  });

  it("reads Docker's own default.json back to the same data", () => {
    const { label: _label, ...json } = DOCKER_DEFAULT_SECCOMP;
    expect(parseSeccompProfile(JSON.stringify(json, null, "\t"), DOCKER_DEFAULT_SECCOMP.label)).toEqual({ ok: true, value: DOCKER_DEFAULT_SECCOMP });
  });

  it("treats a profile with no defaultAction and no syscalls as seccomp disabled", () => {
    expect(parse("{}")).toEqual({ ok: true, value: null });
    expect(parse('{"defaultAction": null, "syscalls": []}')).toEqual({ ok: true, value: null });
  });

  it("reports JSON syntax errors as Go's decoder words them", () => {
    expect(error('{"defaultAction": "SCMP_ACT_ALLOW",}')).toEqual({
      stage: "decode", message: "Decoding seccomp profile failed: invalid character '}' looking for beginning of object key string",
    });
    expect(error("")?.message).toBe("Decoding seccomp profile failed: unexpected end of JSON input");
  });

  it("reports wrongly typed fields with Go's UnmarshalTypeError text", () => {
    expect(error('{"syscalls": [{"names": "mkdir", "action": "SCMP_ACT_ERRNO"}]}')?.message).toBe(
      "Decoding seccomp profile failed: json: cannot unmarshal string into Go struct field Syscall.syscalls.names of type []string",
    );
    expect(error('{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["x"], "action": "SCMP_ACT_ERRNO", "errnoRet": -1}]}')?.message)
      .toBe("Decoding seccomp profile failed: json: cannot unmarshal number -1 into Go struct field Syscall.syscalls.errnoRet of type uint");
    expect(error('{"defaultAction": 1}')?.message)
      .toBe("Decoding seccomp profile failed: json: cannot unmarshal number into Go struct field Seccomp.defaultAction of type specs.LinuxSeccompAction");
    expect(error("[]")?.message).toBe("Decoding seccomp profile failed: json: cannot unmarshal array into Go value of type seccomp.Seccomp");
  });

  it("rejects a minKernel that is not <kernel>.<major>", () => {
    const p = (v: string) => `{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"names":["ptrace"],"action":"SCMP_ACT_ALLOW","includes":{"minKernel":${v}}}]}`;
    expect(error(p('"4"'))?.message).toBe('Decoding seccomp profile failed: invalid kernel version: "4", expected "<kernel>.<major>"');
    expect(error(p('"0.0"'))?.message)
      .toBe('Decoding seccomp profile failed: invalid kernel version: "0.0", expected "<kernel>.<major>": version cannot be 0.0');
    expect(error(p('"4.x"'))?.message).toBe(
      'Decoding seccomp profile failed: invalid kernel version: "4.x", expected "<kernel>.<major>": strconv.ParseUint: parsing "x": invalid syntax',
    );
  });

  it("refuses what moby's setupSeccomp refuses", () => {
    expect(error('{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"name":"a","names":["b"],"action":"SCMP_ACT_ALLOW"}]}')).toEqual({
      stage: "setup", message: "both 'name' and 'names' are specified in the seccomp profile, use either 'name' or 'names'",
    });
    expect(error('{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64"],"archMap":[{"architecture":"SCMP_ARCH_X86_64"}]}')?.message)
      .toBe("both 'architectures' and 'archMap' are specified in the seccomp profile, use either 'architectures' or 'archMap'");
  });

  it("refuses what runc cannot convert", () => {
    expect(error('{"defaultAction":"SCMP_ACT_DENY"}')).toEqual({ stage: "runtime", message: "string SCMP_ACT_DENY is not a valid action for seccomp" });
    expect(error('{"syscalls":[{"names":["a"],"action":"SCMP_ACT_ALLOW"}]}')?.message).toBe("string  is not a valid action for seccomp");
    expect(error('{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"names":["a"],"action":"SCMP_ACT_ALLOW","args":[{"index":0,"value":1,"op":"EQ"}]}]}')?.message)
      .toBe("string EQ is not a valid operator for seccomp");
    expect(error('{"defaultAction":"SCMP_ACT_ERRNO","architectures":["x86_64"]}')?.message).toBe("string x86_64 is not a valid arch for seccomp");
  });
});

describe("goJsonSyntaxError (encoding/json scanner messages)", () => {
  it.each([
    ["[1 2]", "invalid character '2' after array element"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a": 1 "b": 2}', "invalid character '\"' after object key:value pair"],
    ["tru", "unexpected end of JSON input"],
    ["trux", "invalid character 'x' in literal true (expecting 'e')"],
    ['{"a":1} x', "invalid character 'x' after top-level value"],
    ['"\\q"', "invalid character 'q' in string escape code"],
    ['"a\nb"', "invalid character '\\n' in string literal"],
    ["01", "invalid character '1' after top-level value"],
    ["-a", "invalid character 'a' in numeric literal"],
    ["1.x", "invalid character 'x' after decimal point in numeric literal"],
    ["'x'", "invalid character '\\'' looking for beginning of value"],
  ])("%s", (text, message) => {
    expect(goJsonSyntaxError(text)).toBe(message);
  });

  it("accepts valid JSON", () => {
    expect(goJsonSyntaxError(' {"a": [1, -2.5e+3, true, null, "\\u00e9"]} ')).toBeUndefined();
  });
});
