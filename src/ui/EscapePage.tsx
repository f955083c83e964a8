import { Link } from "react-router";
import { ConceptTags } from "./ConceptTags";
import { course } from "./content";
import { DifficultyBadge } from "./DifficultyBadge";
import { PageIntro } from "./PageIntro";

/** `/escape`: the escape room scenarios, as cards. */
export function EscapePage() {
  return (
    <>
      <PageIntro eyebrow="Break out, then lock down" title="Escape room">
        Each scenario is a container with one mistake in its configuration. Break out, then switch
        defenses on until the same attack fails.
      </PageIntro>
      {course.scenarios.length === 0 ? (
        <p>No scenarios have been published yet.</p>
      ) : (
        <ul className="card-grid">
          {course.scenarios.map((scenario) => (
            <li key={scenario.id} className="card">
              <DifficultyBadge difficulty={scenario.difficulty} />
              <h2 className="card__title">
                <Link className="card__link" to={`/escape/${scenario.id}`}>
                  {scenario.title}
                </Link>
              </h2>
              <p className="card__summary">{scenario.summary}</p>
              <p className="card__meta">{scenario.minutes} min</p>
              <ConceptTags concepts={scenario.concepts} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
