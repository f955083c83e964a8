// Any input, however malformed, gives a script or a syntax error: the parser never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseScript } from "./parser";

const PIECES = [
  "echo", "ls", " ", " ", "\t", "\n", ";", ";;", "&", "&&", "|", "||", "(", ")", "{", "}", "<", ">", ">>", "<<", "<<-", "2>&1",
  "'", '"', "`", "\\", "$", "$(", "${", "$((", "))", "}", "#", "if", "then", "elif", "else", "fi", "for", "in", "do", "done",
  "while", "until", "case", "esac", "function", "!", "x=1", "EOF", "a", "b", "*", "?", ":-", "#", "%", ":(){ :|:& };:",
];

describe("parser fuzz", () => {
  it("never throws on token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const out = parseScript(pieces.join(""));
        expect(typeof out.ok).toBe("boolean");
      }),
      { numRuns: 5_000 },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => {
      expect(typeof parseScript(text).ok).toBe("boolean");
    }), { numRuns: 3_000 });
  });
});
