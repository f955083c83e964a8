import { useRef } from "react";
import type { ReactNode } from "react";
import { Outlet, ScrollRestoration } from "react-router";
import { NavigationProgress } from "./NavigationProgress";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";
import { useFocusOnNavigate } from "./use-focus-on-navigate";

export interface SiteLayoutProps {
  /** Shown instead of the matched route (while it loads, or when it failed). */
  readonly children?: ReactNode;
}

/** Header, main landmark and footer around every page but embeds. */
export function SiteLayout({ children }: SiteLayoutProps) {
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  return (
    <div className="site">
      <NavigationProgress />
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        {children ?? <Outlet />}
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}
