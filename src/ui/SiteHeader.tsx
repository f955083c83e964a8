import { Link, NavLink } from "react-router";
import { NAV_LINKS } from "./site-links";

/** Skip link, brand and the main navigation. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header__inner">
        <Link className="brand" to="/">
          <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" className="brand__tile" />
            <rect x="5" y="7" width="9" height="18" rx="2" className="brand__container" />
            <rect x="18.25" y="8.25" width="8.5" height="15.5" rx="2" className="brand__vm" />
          </svg>
          <span>Isolation Lab</span>
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            {NAV_LINKS.map((link) => (
              <li key={link.to}>
                <NavLink className="site-nav__link" to={link.to}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
