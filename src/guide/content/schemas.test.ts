import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { contentErrorMap, formatFieldPath, toFieldIssues } from "./author-messages.ts";
import { courseManifestSchema } from "./course.schema.ts";
import { lessonFrontmatterSchema } from "./lesson.schema.ts";
import { scenarioSchema } from "./scenario.schema.ts";

/** `field: message` lines, as authors read them (the loader adds file and line). */
function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value, { error: contentErrorMap });
  return result.success ? [] : toFieldIssues(result.error.issues).map((i) => `${formatFieldPath(i.path)}: ${i.message}`);
}

const check = { label: "The proof exists", run: "test -f /root/proof" };
const scenario = {
  id: "escape",
  title: "Escape",
  summary: "Break out.",
  difficulty: "advanced",
  concepts: ["capabilities"],
  minutes: 20,
  world: { setup: ["docker run -dit --name target --privileged alpine"], terminal: "container:target" },
  goal: { prose: "Write to the host.", check },
  steps: [{ id: "mount", label: "Mount", prose: "Mount it.", hints: ["fdisk -l"], solution: ["mount /dev/sda1 /mnt"], check }],
  defenses: [{ name: "no-privileged", label: "No --privileged", blocks: "mount", blockedBy: ["seccomp"], explanation: "seccomp." }],
  debrief: "Done.",
};

describe("lesson frontmatter schema", () => {
  it("accepts a minimal lesson and fills in defaults", () => {
    const parsed = lessonFrontmatterSchema.parse({ id: "intro", title: "Intro", summary: "Hello.", concepts: ["namespaces"], minutes: 5 });
    expect(parsed.prerequisites).toEqual([]);
    expect(parsed.world).toBeUndefined();
  });

  it("words every problem for authors", () => {
    expect(problems(lessonFrontmatterSchema, { id: "Intro_1", title: "", concepts: ["ns", "ns"], minutes: 2.5, level: 3 })).toEqual([
      'id: must be kebab-case: lowercase letters and digits joined by single hyphens, like "what-is-a-container"',
      "title: must not be empty",
      "summary: is required",
      'concepts[1]: lists the concept "ns" twice',
      "minutes: must be a whole number of minutes",
      "level: is not a known field; check its spelling",
    ]);
  });
});

describe("scenario schema", () => {
  it("accepts a complete scenario and defaults the host and check targets", () => {
    const parsed = scenarioSchema.parse(scenario);
    expect(parsed.world.host).toBe("ubuntu");
    expect(parsed.goal.check.on).toBe("host");
  });

  it("requires a human label on every check", () => {
    const unlabeled = { ...scenario, steps: [{ ...scenario.steps[0], check: { run: "true" } }] };
    expect(problems(scenarioSchema, unlabeled)).toEqual(["steps[0].check.label: is required"]);
  });

  it("names the allowed values of enums", () => {
    const wrong = { ...scenario, world: { host: "debian" }, defenses: [{ ...scenario.defenses[0], name: "firewall", blockedBy: [] }] };
    expect(problems(scenarioSchema, wrong)).toEqual([
      'world.host: must be one of: ubuntu, fedora (found the text "debian")',
      "defenses[0].name: must be one of: no-privileged, cap-drop, seccomp-default, apparmor-default, selinux-enforcing, userns-remap, no-docker-socket, no-host-pid, read-only-mount, resource-limits, patched-software, virtual-machine, signed-images (found the text \"firewall\")",
      "defenses[0].blockedBy: needs at least 1 item",
    ]);
  });

  it("accepts `start` as the step a defense blocks", () => {
    expect(problems(scenarioSchema, { ...scenario, defenses: [{ ...scenario.defenses[0], blocks: "start" }] })).toEqual([]);
  });
});

describe("course manifest schema", () => {
  it("accepts a manifest with empty item lists omitted", () => {
    const parsed = courseManifestSchema.parse({ title: "C", concepts: [{ id: "a", title: "A", summary: "The A." }] });
    expect([parsed.lessons, parsed.scenarios, parsed.quizzes]).toEqual([[], [], []]);
  });

  it("rejects a list where a mapping belongs", () => {
    expect(problems(courseManifestSchema, { title: "C", concepts: ["namespaces"], lessons: "01-intro" })).toEqual([
      "concepts[0]: must be a mapping of fields, not the text \"namespaces\"",
      "lessons: must be a list, not the text \"01-intro\"",
    ]);
  });
});
