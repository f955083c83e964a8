import { describe, expect, it } from "vitest";
import { injectHome } from "./vite-prerender";

const SHELL = "<html><head><title>Isolation Lab</title></head><body><div id=\"root\"></div></body></html>";

describe("injectHome", () => {
  it("puts the page into the root and its title into the head", () => {
    const html = injectHome(SHELL, "<title>Home</title><div class=\"site\"><h1>Hi</h1></div>");
    expect(html).toContain("<head><title>Home</title></head>");
    expect(html).toContain('<div id="root"><div class="site"><h1>Hi</h1></div></div>');
    expect(html.match(/<title>/g)).toHaveLength(1);
  });

  it("empties the root on every other path before the first paint", () => {
    const html = injectHome(SHELL, "<h1>Hi</h1>");
    expect(html).toMatch(/<\/div><script>if \(location\.pathname !== "\/"\) document\.getElementById\("root"\)\.replaceChildren\(\);<\/script>/);
  });

  it("refuses an index.html without an empty root", () => {
    expect(() => injectHome("<body><main></main></body>", "<h1>Hi</h1>")).toThrow(/no <div id="root"><\/div>/);
  });
});
