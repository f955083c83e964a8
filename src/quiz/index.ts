// Door of src/quiz: other layers import only from here.
export type { Quiz, QuizQuestion } from "./quiz.schema.ts";
export { quizSchema } from "./quiz.schema.ts";
