import { describe, expect, it } from "vitest";
import { syntaxErrorLines } from "./parse-error";
import { parseScript } from "./parser";

function lines(flavour: "bash" | "ash", text: string, origin?: string) {
  const out = parseScript(text);
  if (out.ok) throw new Error("expected a syntax error");
  return syntaxErrorLines(flavour, out.error, { shell: flavour === "bash" ? "bash" : "sh", text, ...(origin ? { origin } : {}) });
}

describe("syntax errors in each shell's words", () => {
  it("bash -c names the token, the line and quotes the line", () => {
    expect(lines("bash", "if true; fi", "-c")).toEqual([
      "bash: -c: line 1: syntax error near unexpected token `fi'",
      "bash: -c: line 1: `if true; fi'",
    ]);
  });

  it("bash at the prompt says only the token", () => {
    expect(lines("bash", "echo >")).toEqual(["bash: syntax error near unexpected token `newline'"]);
  });

  it("bash reports an unterminated quote and then the end of file", () => {
    expect(lines("bash", "echo 'abc", "-c")).toEqual([
      "bash: -c: line 1: unexpected EOF while looking for matching `''",
      "bash: -c: line 2: syntax error: unexpected end of file",
    ]);
  });

  it("busybox ash quotes the token and knows unterminated strings", () => {
    expect(lines("ash", "if true; fi", "-c")).toEqual(['sh: syntax error: unexpected "fi"']);
    expect(lines("ash", "echo >")).toEqual(["sh: syntax error: unexpected newline"]);
    expect(lines("ash", "echo 'abc")).toEqual(["sh: syntax error: unterminated quoted string"]);
    expect(lines("ash", "if true; then")).toEqual(["sh: syntax error: unexpected end of file"]);
  });
});
