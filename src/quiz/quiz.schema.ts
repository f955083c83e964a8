/**
 * A quiz (`content/quizzes/NN-slug/quiz.yaml`): questions of three kinds, each with a human label
 * and an explanation shown after answering. A predict-the-output question names a command and
 * the output the simulator prints for it, so grading runs the simulator rather than trusting a key.
 * The field rules mirror the guide's (same id and target patterns from src/lib); quiz may not
 * import guide, so the few shared field schemas are repeated here.
 */
import { z } from "zod";
import { CONTENT_ID_PATTERN, HOST_PROFILES, TARGET_PATTERN } from "../lib/index.ts";

const contentId = (example: string) =>
  z.string().regex(CONTENT_ID_PATTERN, `must be kebab-case: lowercase letters and digits joined by single hyphens, like "${example}"`);

const conceptList = () =>
  z
    .array(contentId("namespaces").describe("A concept id declared in content/course.yaml."))
    .min(1, "needs at least 1 concept")
    .superRefine((ids, ctx) => {
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: [i], message: `lists the concept "${id}" twice` });
      });
    });

const commandLine = () =>
  z.string().min(1).regex(/^[^\n]*$/, "must be a single line; put several commands in a list, one per item");

const worldSchema = z
  .strictObject({
    host: z.enum(HOST_PROFILES).default("ubuntu").describe("Host profile: ubuntu (AppArmor) or fedora (SELinux enforcing)."),
    setup: z
      .array(commandLine().describe("One command, run as root on the host; it must exit 0."))
      .default([])
      .describe("Commands run as root on the host before the question's command."),
    terminal: z
      .string()
      .regex(TARGET_PATTERN, 'must be "host", "container:<name>" or "vm:<name>", like "container:target"')
      .default("host")
      .describe("Where the question's command runs: host, container:<name> or vm:<name>."),
  })
  .describe("The simulated world the command runs in; a fresh ubuntu host if omitted.");

const choiceSchema = z
  .strictObject({
    text: z.string().min(1).describe("The answer as the learner reads it."),
    correct: z.boolean().default(false).describe("true for a right answer; omit for a wrong one."),
    feedback: z.string().min(1).optional().describe("Shown when the learner picks this choice: why it is right or wrong."),
  })
  .describe("One answer to choose.");

const common = {
  id: contentId("pid-one").describe("Stable id of the question, unique in the quiz (saved answers use it)."),
  label: z.string().min(1).max(80).describe("Short human label of the question, shown in progress and review lists."),
  prompt: z.string().min(1).describe("The question, in plain text with `inline code`."),
  concepts: conceptList().optional().describe("Concepts this question tests, if narrower than the quiz's."),
  explanation: z.string().min(1).describe("Shown after answering: why the right answer is right, naming the Linux rule."),
};

const choices = () => z.array(choiceSchema).min(2).max(8).describe("The choices, in the order shown (2 to 8).");

const singleChoice = z
  .strictObject({ ...common, kind: z.literal("single-choice").describe("Exactly one choice is correct."), choices: choices() })
  .describe("A question with exactly one correct choice.");

const multipleChoice = z
  .strictObject({ ...common, kind: z.literal("multiple-choice").describe("One or more choices are correct."), choices: choices() })
  .describe("A question where the learner ticks every correct choice.");

const predictTheOutput = z
  .strictObject({
    ...common,
    kind: z.literal("predict-the-output").describe("The learner predicts what a command prints."),
    world: worldSchema.optional(),
    command: commandLine().describe("The command whose output the learner predicts; it runs in the simulator."),
    expected: z.string().min(1).describe("What the command prints, exactly as the simulator (and real Linux) prints it."),
    distractors: z
      .array(z.string().min(1).describe("A plausible but wrong output."))
      .default([])
      .describe("Wrong outputs offered next to the expected one; with none, the learner types the output."),
  })
  .describe("A question graded by running the command in the simulator.");

const questionSchema = z
  .discriminatedUnion("kind", [singleChoice, multipleChoice, predictTheOutput])
  .describe("One question: kind is single-choice, multiple-choice or predict-the-output.");

type Question = z.output<typeof questionSchema>;

function checkQuestion(question: Question, i: number, ctx: z.RefinementCtx) {
  const at = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path: ["questions", i, ...path], message });
  if (question.kind === "predict-the-output") {
    question.distractors.forEach((d, j) => {
      if (d.trim() === question.expected.trim()) at(["distractors", j], "is the same as expected; a distractor must be wrong");
    });
    return;
  }
  const texts = question.choices.map((c) => c.text);
  texts.forEach((text, j) => {
    if (texts.indexOf(text) !== j) at(["choices", j, "text"], `repeats the choice ${JSON.stringify(text)}`);
  });
  const correct = question.choices.filter((c) => c.correct).length;
  if (question.kind === "single-choice" && correct !== 1) {
    at(["choices"], `must have exactly one choice with correct: true (found ${correct})`);
  }
  if (question.kind === "multiple-choice" && correct === 0) at(["choices"], "needs at least one choice with correct: true");
}

export const quizSchema = z
  .strictObject({
    id: contentId("namespaces-basics").describe("Stable identity of the quiz; a changed quiz gets a new id."),
    title: z.string().min(1).max(80).describe("Title shown in the quiz list and the course index."),
    summary: z.string().min(1).max(300).describe("One or two sentences: what the quiz checks."),
    concepts: conceptList().describe("Concepts the quiz tests; each must be declared in content/course.yaml."),
    questions: z.array(questionSchema).min(1).describe("The questions, in the order asked."),
  })
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((q) => q.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `repeats the question id "${id}"; question ids must be unique` });
    });
    quiz.questions.forEach((q, i) => checkQuestion(q, i, ctx));
  })
  .describe("A quiz: quiz.yaml.");

export type Quiz = z.output<typeof quizSchema>;
export type QuizQuestion = Quiz["questions"][number];
