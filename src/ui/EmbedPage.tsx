import { useParams } from "react-router";
import { ComingSoon } from "./ComingSoon";

/** `/embed/*`: what instructors will put in an iframe. Not built yet, and says so. */
export function EmbedPage() {
  const path = useParams()["*"] ?? "";
  return (
    <main id="main" className="site-main site-main--embed">
      <title>Embed · Isolation Lab</title>
      <h1>Embeds are coming</h1>
      <ComingSoon title="Embedding is not available yet">
        <p>
          This address{path ? <> (<code>/embed/{path}</code>)</> : null} will show one lesson,
          escape room scenario, quiz or lab preset inside an iframe, with a small API for the host
          page. It arrives after the simulator and the players.
        </p>
      </ComingSoon>
    </main>
  );
}
