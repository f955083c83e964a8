import { Link, useLoaderData } from "react-router";
import { ComingSoon } from "./ComingSoon";
import { ConceptTags } from "./ConceptTags";
import type { Scenario } from "./content";
import { DifficultyBadge } from "./DifficultyBadge";
import { NotFoundMessage } from "./NotFoundMessage";
import { ProseText } from "./ProseText";

/** `/escape/:scenarioId`: the briefing of one scenario; the player comes with the simulator. */
export function ScenarioPage() {
  const scenario = useLoaderData<Scenario | null>();
  if (!scenario) {
    return (
      <NotFoundMessage
        title="Scenario not found"
        message="No escape room scenario has this address."
        linkTo="/escape"
        linkLabel="See all scenarios"
      />
    );
  }
  return (
    <article className="briefing">
      <title>{`${scenario.title} · Isolation Lab`}</title>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/escape">Escape room</Link>
      </nav>
      <header className="page-intro">
        <DifficultyBadge difficulty={scenario.difficulty} />
        <h1>{scenario.title}</h1>
        <p className="lead">{scenario.summary}</p>
        <p className="card__meta">
          {scenario.minutes} min · {scenario.steps.length} {scenario.steps.length === 1 ? "step" : "steps"} ·{" "}
          {scenario.defenses.length} {scenario.defenses.length === 1 ? "defense" : "defenses"} to try
        </p>
        <ConceptTags concepts={scenario.concepts} />
      </header>
      <section className="briefing__body prose" aria-labelledby="briefing-title">
        <h2 id="briefing-title">Briefing</h2>
        <p>
          <ProseText text={scenario.goal.prose} />
        </p>
        {scenario.world.setup.length > 0 && (
          <>
            <h3>How the world was set up</h3>
            <pre className="code code--terminal" tabIndex={0} aria-label="Setup commands">
              <code>
                {scenario.world.setup.map((line, i) => (
                  <span key={i} className="cmd">{`${line}\n`}</span>
                ))}
              </code>
            </pre>
          </>
        )}
      </section>
      <ComingSoon title="The scenario player arrives with the simulator">
        <p>
          Breaking out needs a kernel to break out of. The player, with its terminal, hints,
          defenses and the replayed attack, opens when the kernel simulator is ready.
        </p>
      </ComingSoon>
    </article>
  );
}
