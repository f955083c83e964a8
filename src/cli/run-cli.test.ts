import { describe, expect, it } from "vitest";
import { USAGE, runCli } from "./run-cli";

describe("isolab CLI", () => {
  it("prints its usage for --help and exits 0", () => {
    expect(runCli(["--help"])).toEqual({ stdout: USAGE, stderr: "", exitCode: 0 });
  });

  it("rejects an unknown option in the usual GNU words", () => {
    expect(runCli(["--bogus"])).toEqual({
      stdout: "",
      stderr: "isolab: unknown option '--bogus'\nTry 'isolab --help' for more information.\n",
      exitCode: 2,
    });
  });
});

describe("isolab sh", () => {
  it("runs a script headless: stdout and stderr apart, the script's exit status", () => {
    expect(runCli(["sh", "-c", "echo out; echo err >&2; exit 5"])).toEqual({ stdout: "out\n", stderr: "err\n", exitCode: 5 });
  });

  it("reads the script from standard input when -c is not given", () => {
    expect(runCli(["sh"], () => "echo from stdin\n")).toEqual({ stdout: "from stdin\n", stderr: "", exitCode: 0 });
  });

  it("rejects an unknown host", () => {
    expect(runCli(["--host", "plan9", "sh", "-c", "true"]).exitCode).toBe(2);
  });
});
