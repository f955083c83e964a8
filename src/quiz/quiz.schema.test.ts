import { describe, expect, it } from "vitest";
import { quizSchema } from "./quiz.schema.ts";

const choice = (text: string, correct = false) => ({ text, correct });
const quiz = (questions: unknown[]) => ({ id: "q", title: "Q", summary: "A quiz.", concepts: ["namespaces"], questions });
const single = { id: "one", kind: "single-choice", label: "One", prompt: "Which?", choices: [choice("A", true), choice("B")], explanation: "A." };

/** `field: message` lines from the schema's own messages. */
function problems(value: unknown): string[] {
  const result = quizSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("quiz schema", () => {
  it("accepts the three kinds of question", () => {
    const parsed = quizSchema.parse(
      quiz([
        single,
        { ...single, id: "many", kind: "multiple-choice", choices: [choice("A", true), choice("B", true), choice("C")] },
        { id: "out", kind: "predict-the-output", label: "Out", prompt: "Prints?", command: "hostname", expected: "vm", explanation: "UTS." },
      ]),
    );
    expect(parsed.questions.map((q) => q.kind)).toEqual(["single-choice", "multiple-choice", "predict-the-output"]);
    const predict = parsed.questions[2];
    expect(predict?.kind === "predict-the-output" ? predict.distractors : undefined).toEqual([]);
  });

  it("checks the number of correct choices per kind", () => {
    expect(
      problems(
        quiz([
          { ...single, choices: [choice("A", true), choice("B", true)] },
          { ...single, id: "many", kind: "multiple-choice", choices: [choice("A"), choice("B")] },
        ]),
      ),
    ).toEqual([
      "questions.0.choices: must have exactly one choice with correct: true (found 2)",
      "questions.1.choices: needs at least one choice with correct: true",
    ]);
  });

  it("rejects repeated question ids and repeated choices", () => {
    expect(problems(quiz([single, { ...single, choices: [choice("A", true), choice("A")] }]))).toEqual([
      'questions.1.id: repeats the question id "one"; question ids must be unique',
      'questions.1.choices.1.text: repeats the choice "A"',
    ]);
  });

  it("requires a label and an explanation on every question", () => {
    const { label: _label, explanation: _explanation, ...bare } = single;
    expect(problems(quiz([bare])).map((p) => p.split(":")[0])).toEqual(["questions.0.label", "questions.0.explanation"]);
  });
});
