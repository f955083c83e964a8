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
