/**
 * Field schemas shared by the lesson, scenario and course schemas. Every field that uses them
 * adds its own `.describe()`, which becomes the hover text in editors (content/schema/*.json).
 */
import { z } from "zod";
import { CONTENT_ID_PATTERN, HOST_PROFILES, TARGET_PATTERN } from "../../lib/index.ts";

/** A stable kebab-case id; `example` shows the author what a good one looks like. */
export const contentId = (example: string) =>
  z
    .string()
    .regex(
      CONTENT_ID_PATTERN,
      `must be kebab-case: lowercase letters and digits joined by single hyphens, like "${example}"`,
    );

export const title = () =>
  z.string().min(1).max(80, "must be at most 80 characters long (titles are shown in menus)");

export const summary = () =>
  z.string().min(1).max(300, "must be at most 300 characters long (one or two sentences)");

export const minutes = () =>
  z
    .number()
    .int("must be a whole number of minutes")
    .min(1, "must be at least 1 minute")
    .max(120, "must be at most 120 minutes; split longer content into several items");

/** A list in which no entry appears twice; the issue points at the second occurrence. */
export const uniqueList = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).superRefine((items, ctx) => {
    items.forEach((value, index) => {
      if (items.indexOf(value) !== index) {
        ctx.addIssue({ code: "custom", path: [index], message: `lists the ${what} ${JSON.stringify(value)} twice` });
      }
    });
  });

export const conceptList = () =>
  uniqueList(contentId("namespaces").describe("A concept id declared in content/course.yaml."), "concept").min(
    1,
    "needs at least 1 concept",
  );

/** Where a command runs: `host`, `container:<name>` or `vm:<name>`. */
export const target = () =>
  z
    .string()
    .regex(TARGET_PATTERN, 'must be "host", "container:<name>" or "vm:<name>", like "container:target"');

/** One shell command line, as a learner would type it. */
export const commandLine = () =>
  z
    .string()
    .min(1)
    .regex(/^[^\n]*$/, "must be a single line; put several commands in a list, one per item");

/** A simulated world to start from: a host profile, setup commands, and where the terminal opens. */
export const worldSchema = z
  .strictObject({
    host: z
      .enum(HOST_PROFILES)
      .default("ubuntu")
      .describe("Host profile: ubuntu (Ubuntu 24.04-like, AppArmor) or fedora (Fedora-like, SELinux enforcing)."),
    setup: z
      .array(commandLine().describe("One command, run as root on the host; it must exit 0."))
      .default([])
      .describe(
        "Commands run as root on the host, in order, before the learner starts, " +
          "e.g. `docker run -dit --name target --privileged alpine`.",
      ),
    terminal: target()
      .default("host")
      .describe("Where the learner's terminal opens: host, container:<name> (like docker exec -it) or vm:<name>."),
  })
  .describe("The simulated world this item starts from.");

/** A check against the world's state: a shell one-liner that exits 0 once the goal is met. */
export const checkSchema = z
  .strictObject({
    label: z.string().min(1).max(120).describe("What the check proves, in words a learner reads, e.g. \"/dev/sda1 is mounted at /mnt\"."),
    run: commandLine().describe("Shell one-liner that exits 0 when the world is in the wanted state, e.g. `test -f /root/proof`."),
    on: target().default("host").describe("Where the check runs: host, container:<name> or vm:<name>."),
  })
  .describe("A check against the world's state, never against what the learner typed.");

export type World = z.output<typeof worldSchema>;
export type Check = z.output<typeof checkSchema>;
