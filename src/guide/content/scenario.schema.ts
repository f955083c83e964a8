/**
 * An escape scenario (`content/scenarios/NN-slug/scenario.yaml`): a misconfigured world, the steps
 * of the attack with checks against the world's state, the defenses that stop it, and a debrief.
 */
import { z } from "zod";
import { checkSchema, commandLine, conceptList, contentId, minutes, summary, title, worldSchema } from "./fields.schema.ts";
import { BLOCKING_LAYERS, DEFENSE_NAMES } from "./defenses.ts";

const stepSchema = z
  .strictObject({
    id: contentId("mount-host-disk").describe("Stable id of the step, unique in the scenario (defenses refer to it)."),
    label: z.string().min(1).max(80).describe("Short human label of the step, shown in the step list."),
    prose: z.string().min(1).describe("What the learner should do and why, in plain text with `inline code`."),
    hints: z
      .array(z.string().min(1).describe("One hint; reveal from gentle to explicit."))
      .min(1)
      .describe("Hints revealed one at a time, from a gentle nudge to the near-answer."),
    solution: z
      .array(commandLine().describe("One command, typed in the scenario's terminal."))
      .min(1)
      .describe("Commands that complete the step from the previous step's end state (replayed by content:check)."),
    check: checkSchema.describe("The check that passes once this step is done."),
  })
  .describe("One step of the attack.");

const defenseSchema = z
  .strictObject({
    name: z.enum(DEFENSE_NAMES).describe(`Which defense to switch on: ${DEFENSE_NAMES.join(", ")}.`),
    label: z.string().min(1).max(100).describe("How the learner would switch it on, e.g. \"Run the container without --privileged\"."),
    blocks: z
      .string()
      .min(1)
      .describe("Id of the first step that fails once this defense is on, or `start` when the container cannot even start."),
    blockedBy: z
      .array(z.enum(BLOCKING_LAYERS).describe("A layer that denies the attack."))
      .min(1)
      .describe(`The layers that deny the attack with this defense on: ${BLOCKING_LAYERS.join(", ")}.`),
    explanation: z.string().min(1).describe("Why the attack now fails, naming the Linux rule that denies it."),
  })
  .describe("A defense that stops the attack when switched on.");

/** Ids unique, and every defense blocks a step that exists. */
function checkReferences(scenario: { steps: { id: string }[]; defenses: { name: string; blocks: string }[] }, ctx: z.RefinementCtx) {
  const stepIds = scenario.steps.map((s) => s.id);
  stepIds.forEach((id, i) => {
    if (stepIds.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["steps", i, "id"], message: `repeats the step id "${id}"; step ids must be unique` });
  });
  scenario.defenses.forEach((defense, i) => {
    if (scenario.defenses.findIndex((d) => d.name === defense.name) !== i) {
      ctx.addIssue({ code: "custom", path: ["defenses", i, "name"], message: `lists the defense "${defense.name}" twice` });
    }
    if (defense.blocks !== "start" && !stepIds.includes(defense.blocks)) {
      ctx.addIssue({
        code: "custom",
        path: ["defenses", i, "blocks"],
        message: `names no step of this scenario: "${defense.blocks}" (use a step id: ${stepIds.join(", ")}; or start)`,
      });
    }
  });
}

export const scenarioSchema = z
  .strictObject({
    id: contentId("privileged-escape").describe("Stable identity of the scenario; a changed scenario gets a new id."),
    title: title().describe("Title shown in the escape room and the course index."),
    summary: summary().describe("One or two sentences: the misconfiguration and what the learner will break."),
    difficulty: z.enum(["beginner", "intermediate", "advanced"]).describe("beginner, intermediate or advanced."),
    concepts: conceptList().describe("Concepts the scenario exercises; each must be declared in content/course.yaml."),
    minutes: minutes().describe("Estimated time to finish, in whole minutes."),
    world: worldSchema,
    goal: z
      .strictObject({
        prose: z.string().min(1).describe("The attacker's goal, told to the learner before the first step."),
        check: checkSchema.describe("The check that passes once the goal is reached (the escape succeeded)."),
      })
      .describe("What counts as a successful escape."),
    steps: z.array(stepSchema).min(1).describe("The steps of the attack, in order."),
    defenses: z.array(defenseSchema).min(1).describe("Defenses the learner switches on one at a time before the attack is replayed."),
    debrief: z.string().min(1).describe("What the learner should take away, shown after the goal is reached."),
  })
  .superRefine(checkReferences)
  .describe("An escape scenario: scenario.yaml.");

export type Scenario = z.output<typeof scenarioSchema>;
