import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { directiveFromMarkdown } from "mdast-util-directive";
import type { Directives } from "mdast-util-directive";
import { directive } from "micromark-extension-directive";
import { describe, expect, it } from "vitest";
import { bodyWithoutTitle, describeTarget, isLocalImage, linkTarget, splitDirective, terminalCommands, textOf } from "./mdast-helpers";

const parse = (markdown: string): Root =>
  fromMarkdown(markdown, { extensions: [directive()], mdastExtensions: [directiveFromMarkdown()] });

const firstDirective = (markdown: string): Directives => {
  const node = parse(markdown).children[0];
  if (!node || !node.type.endsWith("Directive")) throw new Error(`no directive in ${markdown}`);
  return node as Directives;
};

describe("linkTarget", () => {
  it("routes app paths through the router and keeps anchors, http(s) and mailto", () => {
    expect(linkTarget("/learn/namespaces")).toEqual({ kind: "route", to: "/learn/namespaces" });
    expect(linkTarget("#step-2")).toEqual({ kind: "anchor", href: "#step-2" });
    expect(linkTarget("https://man7.org/linux/man-pages/man7/namespaces.7.html")).toEqual({
      kind: "external",
      href: "https://man7.org/linux/man-pages/man7/namespaces.7.html",
    });
    expect(linkTarget("mailto:teacher@example.org")).toEqual({ kind: "external", href: "mailto:teacher@example.org" });
  });

  it("refuses script, data and protocol-relative URLs", () => {
    for (const url of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "//evil.example/x", "vbscript:x"]) {
      expect(linkTarget(url)).toEqual({ kind: "none" });
    }
  });

  it("loads images only from this site", () => {
    expect(isLocalImage("/images/stack.svg")).toBe(true);
    expect(isLocalImage("https://example.org/a.png")).toBe(false);
    expect(isLocalImage("//example.org/a.png")).toBe(false);
  });
});

describe("directives", () => {
  it("separates a container directive's label from its body", () => {
    const { label, body } = splitDirective(firstDirective(":::task[Start a container]{id=start}\nRun `docker run`.\n:::"));
    expect(label?.map(textOf).join("")).toBe("Start a container");
    expect(body.map(textOf)).toEqual(["Run docker run."]);
  });

  it("reads a terminal's command attribute, without a prompt", () => {
    expect(terminalCommands(firstDirective('::terminal{on=host command="$ docker run --rm alpine ps"}'))).toEqual([
      "docker run --rm alpine ps",
    ]);
    expect(terminalCommands(firstDirective("::terminal{on=host}"))).toEqual([]);
  });

  it("names where a terminal runs", () => {
    expect([undefined, "host", "container:web", "vm:guest"].map(describeTarget)).toEqual([
      "on the host",
      "on the host",
      "in container web",
      "in virtual machine guest",
    ]);
  });
});

describe("bodyWithoutTitle", () => {
  it("drops an opening h1 that repeats the lesson title, and nothing else", () => {
    const body = parse("# What is a container?\n\nText.\n\n# What is a container?\n").children;
    expect(bodyWithoutTitle(body, "What is a container?").map((n) => n.type)).toEqual(["paragraph", "heading"]);
    expect(bodyWithoutTitle(body, "Another title")).toBe(body);
    const h2 = parse("## What is a container?\n").children;
    expect(bodyWithoutTitle(h2, "What is a container?")).toBe(h2);
  });
});
