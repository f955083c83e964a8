import { Link, useLoaderData } from "react-router";
import { ComingSoon } from "./ComingSoon";
import { ConceptTags } from "./ConceptTags";
import { lessonNeighbours } from "./content";
import type { CompiledLesson } from "./content";
import { bodyWithoutTitle } from "./mdast-helpers";
import { MdastContent } from "./MdastContent";
import { NotFoundMessage } from "./NotFoundMessage";

/** `/learn/:lessonId`: one lesson, its Markdown body rendered as React elements. */
export function LessonPage() {
  const lesson = useLoaderData<CompiledLesson | null>();
  if (!lesson) {
    return (
      <NotFoundMessage
        title="Lesson not found"
        message="No lesson has this address. It may have been renamed."
        linkTo="/learn"
        linkLabel="See all lessons"
      />
    );
  }
  const { previous, next } = lessonNeighbours(lesson.id);
  return (
    <article className="lesson">
      <title>{`${lesson.title} · Isolation Lab`}</title>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/learn">Lessons</Link>
      </nav>
      <header className="page-intro">
        <h1>{lesson.title}</h1>
        <p className="lead">{lesson.summary}</p>
        <p className="card__meta">{lesson.minutes} min</p>
        <ConceptTags concepts={lesson.concepts} />
      </header>
      <ComingSoon title="Steps are checked once the lab opens">
        <p>
          The tasks below will be checked against the simulated host’s state when the kernel
          simulator arrives. For now, read along; the commands are shown as they will be typed.
        </p>
      </ComingSoon>
      <div className="prose">
        <MdastContent nodes={bodyWithoutTitle(lesson.body.children, lesson.title)} />
      </div>
      <nav className="pager" aria-label="More lessons">
        {previous && (
          <Link className="pager__link" to={`/learn/${previous.id}`} rel="prev">
            <span className="pager__hint">Previous</span> {previous.title}
          </Link>
        )}
        {next && (
          <Link className="pager__link pager__link--next" to={`/learn/${next.id}`} rel="next">
            <span className="pager__hint">Next</span> {next.title}
          </Link>
        )}
      </nav>
    </article>
  );
}
