import { getShortestPaths, getSimplePaths } from "@xstate/graph";
import { createActor } from "xstate";
import { describe, expect, it } from "vitest";
import { containerMachine } from "./container.machine";

const input = { id: "c0ffee" };
// The restart counter makes every snapshot distinct; the graph is over lifecycle states.
const serializeState = (snapshot: { value: unknown; context: { oomKilled: boolean } }) =>
  JSON.stringify([snapshot.value, snapshot.context.oomKilled]);
const events = [
  { type: "container.start" }, { type: "container.pause" }, { type: "container.unpause" },
  { type: "container.exit", code: 0 }, { type: "container.oom" }, { type: "container.remove" },
] as const;

describe("container lifecycle", () => {
  it("reaches every state Docker reports", () => {
    const paths = getShortestPaths(containerMachine, { input, events: [...events], serializeState });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(["created", "exited", "paused", "removed", "running"]);
  });

  it("never leaves a paused container without unpause, exit or kill (every simple path)", () => {
    const paths = getSimplePaths(containerMachine, { input, events: [...events], serializeState });
    for (const path of paths) {
      path.steps.forEach((step, i) => {
        const next = path.steps[i + 1];
        if (step.state.value === "paused" && next) {
          expect(["container.unpause", "container.exit"]).toContain(next.event.type);
        }
      });
    }
    expect(paths.length).toBeGreaterThan(5);
  });

  it("records an OOM kill as exit code 137 and resets it on restart", () => {
    const actor = createActor(containerMachine, { input }).start();
    actor.send({ type: "container.start" });
    actor.send({ type: "container.oom" });
    expect(actor.getSnapshot().context).toMatchObject({ exitCode: 137, oomKilled: true, restarts: 0 });
    actor.send({ type: "container.start" });
    expect(actor.getSnapshot().context).toMatchObject({ exitCode: null, oomKilled: false, restarts: 1 });
  });
});
