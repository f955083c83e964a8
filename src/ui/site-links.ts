/** The four ways into the app, shared by the header navigation and the home page. */
export interface SiteLink {
  readonly id: "lab" | "learn" | "escape" | "quiz";
  readonly to: string;
  /** Short label for the navigation. */
  readonly label: string;
  /** Call to action on the home page card. */
  readonly action: string;
  readonly blurb: string;
}

export const NAV_LINKS: readonly SiteLink[] = [
  {
    id: "lab",
    to: "/lab",
    label: "Lab",
    action: "Open the lab",
    blurb: "A simulated Linux host with containers and a virtual machine side by side. Type real commands and watch namespaces, cgroups and capabilities change.",
  },
  {
    id: "learn",
    to: "/learn",
    label: "Learn",
    action: "Start a lesson",
    blurb: "Short guided lessons, from “what is a process?” to user namespaces and hypervisors, each step checked against the state of the host.",
  },
  {
    id: "escape",
    to: "/escape",
    label: "Escape room",
    action: "Enter the escape room",
    blurb: "Break out of deliberately misconfigured containers, then switch defenses on one at a time until the same attack fails.",
  },
  {
    id: "quiz",
    to: "/quiz",
    label: "Quiz",
    action: "Take a quiz",
    blurb: "Check what you know: predict what a command prints, spot the missing defense, and review your mistakes.",
  },
];
