import { Link } from "react-router";
import { NAV_LINKS } from "./site-links";
import { WayIcon } from "./WayIcon";

/** The four ways into the app, as cards; the whole card is the link's click target. */
export function WaysIn() {
  return (
    <section className="ways" aria-labelledby="ways-title">
      <h2 id="ways-title">Four ways in</h2>
      <ul className="ways__list">
        {NAV_LINKS.map((way) => (
          <li key={way.id} className={`way way--${way.id}`}>
            <WayIcon id={way.id} />
            <h3 className="way__title">{way.label}</h3>
            <p className="way__blurb">{way.blurb}</p>
            <Link className="way__link" to={way.to}>
              {way.action}
              <span aria-hidden="true">{"\u00a0"}→</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
