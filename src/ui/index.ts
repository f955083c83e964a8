// Door of src/ui: other layers import only from here.
// The home page and the site frame are loaded with the app; every other page through lazyPages.
export { HomePage } from "./HomePage";
export { lazyPages } from "./lazy-pages";
export { MotionRoot } from "./MotionRoot";
export type { MotionRootProps } from "./MotionRoot";
export { NotFoundPage } from "./NotFoundPage";
export { PageLoading } from "./PageLoading";
export { RouteError } from "./RouteError";
export type { RouteErrorProps } from "./RouteError";
export { SiteLayout } from "./SiteLayout";
export type { SiteLayoutProps } from "./SiteLayout";
