import { Link } from "react-router";
import { ConceptTags } from "./ConceptTags";
import { course } from "./content";
import { PageIntro } from "./PageIntro";

/** `/learn`: the lessons of the course, in reading order. */
export function LearnPage() {
  return (
    <>
      <PageIntro eyebrow="Learn" title="Lessons">
        Short lessons in reading order, from processes and namespaces to hypervisors. Each one
        takes a few minutes.
      </PageIntro>
      {course.lessons.length === 0 ? (
        <p>No lessons have been published yet.</p>
      ) : (
        <ol className="card-list lesson-list">
          {course.lessons.map((lesson, index) => (
            <li key={lesson.id} className="card">
              <p className="card__number" aria-hidden="true">
                {String(index + 1).padStart(2, "0")}
              </p>
              <h2 className="card__title">
                <Link className="card__link" to={`/learn/${lesson.id}`}>
                  {lesson.title}
                </Link>
              </h2>
              <p className="card__summary">{lesson.summary}</p>
              <p className="card__meta">{lesson.minutes} min</p>
              <ConceptTags concepts={lesson.concepts} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
