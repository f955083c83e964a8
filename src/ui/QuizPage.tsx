import { Link, useParams } from "react-router";
import { ComingSoon } from "./ComingSoon";
import { ConceptTags } from "./ConceptTags";
import { findQuiz } from "./content";
import { NotFoundMessage } from "./NotFoundMessage";

/** `/quiz/:quizId`: what the quiz covers; the player is still being built. */
export function QuizPage() {
  const quiz = findQuiz(useParams().quizId);
  if (!quiz) {
    return (
      <NotFoundMessage
        title="Quiz not found"
        message="No quiz has this address."
        linkTo="/quiz"
        linkLabel="See all quizzes"
      />
    );
  }
  return (
    <article className="briefing">
      <title>{`${quiz.title} · Isolation Lab`}</title>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/quiz">Quizzes</Link>
      </nav>
      <header className="page-intro">
        <p className="eyebrow">Quiz</p>
        <h1>{quiz.title}</h1>
        <p className="lead">{quiz.summary}</p>
        <p className="card__meta">
          {quiz.questionCount} {quiz.questionCount === 1 ? "question" : "questions"}
        </p>
        <ConceptTags concepts={quiz.concepts} />
      </header>
      <ComingSoon title="The quiz player is coming">
        <p>
          Questions, feedback and mastery per concept arrive with the quiz player. Answers that
          predict a command’s output will be graded by running the simulator.
        </p>
      </ComingSoon>
    </article>
  );
}
