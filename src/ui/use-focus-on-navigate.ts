import { useEffect, useRef } from "react";
import type { RefObject } from "react";
import { useLocation } from "react-router";

/**
 * After a client-side navigation (not on first load, not for in-page #anchors), move focus to
 * the main landmark so keyboard and screen-reader users start reading the new page at its top.
 */
export function useFocusOnNavigate(target: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    target.current?.focus({ preventScroll: true });
  }, [pathname, target]);
}
