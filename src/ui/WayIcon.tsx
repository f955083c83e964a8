import type { SiteLink } from "./site-links";

export interface WayIconProps {
  readonly id: SiteLink["id"];
}

const PATHS: Record<SiteLink["id"], string> = {
  lab: "M4 6h16v12H4z M7 10l3 2-3 2 M12 15h5",
  learn: "M4 5h6a2 2 0 0 1 2 2v12a2 2 0 0 0-2-2H4z M20 5h-6a2 2 0 0 0-2 2v12a2 2 0 0 1 2-2h6z",
  escape: "M14 4h5v16h-5 M4 12h11 M11 8l4 4-4 4",
  quiz: "M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.5V14 M12 17.5v.01 M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z",
};

/** A small line icon for a home page card (decorative). */
export function WayIcon({ id }: WayIconProps) {
  return (
    <svg className="way__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[id]} />
    </svg>
  );
}
