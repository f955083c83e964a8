import { Link } from "react-router";
import { ConceptTags } from "./ConceptTags";
import { course } from "./content";
import { PageIntro } from "./PageIntro";

/** `/quiz`: every quiz of the course. */
export function QuizListPage() {
  return (
    <>
      <PageIntro eyebrow="Check yourself" title="Quizzes">
        Check what you know, at your own pace: predict what a command prints, spot the missing
        defense, and review your mistakes.
      </PageIntro>
      {course.quizzes.length === 0 ? (
        <p>No quizzes have been published yet.</p>
      ) : (
        <ul className="card-grid">
          {course.quizzes.map((quiz) => (
            <li key={quiz.id} className="card">
              <h2 className="card__title">
                <Link className="card__link" to={`/quiz/${quiz.id}`}>
                  {quiz.title}
                </Link>
              </h2>
              <p className="card__summary">{quiz.summary}</p>
              <p className="card__meta">
                {quiz.questionCount} {quiz.questionCount === 1 ? "question" : "questions"}
              </p>
              <ConceptTags concepts={quiz.concepts} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
