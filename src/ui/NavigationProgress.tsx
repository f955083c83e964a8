import { useNavigation } from "react-router";

/** A thin bar at the top of the page while the next route's code or data loads. */
export function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === "idle") return null;
  return <div className="nav-progress" role="progressbar" aria-label="Loading page" />;
}
