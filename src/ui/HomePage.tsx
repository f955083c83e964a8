import { StackPicture } from "./StackPicture";
import { WaysIn } from "./WaysIn";

const TEACHES = [
  ["Real commands", "type ps, ip, unshare, docker and virsh into a simulated Linux host, and see the kernel’s objects change."],
  ["Containers versus VMs", "namespaces, cgroups and capabilities on one shared kernel, against a guest kernel on a hypervisor."],
  ["Escapes and defenses", "break out of misconfigured containers, then harden them until the same attack fails."],
  ["Quizzes", "predict what a command prints, graded by running the simulator."],
] as const;

/** `/`: what the app teaches, the containers-versus-VMs picture, and the four ways in. */
export function HomePage() {
  return (
    <>
      <title>Isolation Lab: containers and virtual machines, from the inside</title>
      <div className="home-hero">
        <div className="home-hero__intro">
          <p className="eyebrow">A simulated Linux host in your browser</p>
          <h1>See what really separates a container from a virtual machine</h1>
          <p className="lead">
            Isolation Lab runs containers and virtual machines side by side on a simulated Linux
            host. You type the commands; it shows you what the kernel does.
          </p>
        </div>
        <StackPicture />
        <ul className="teaches" aria-label="What you will learn">
          {TEACHES.map(([title, text]) => (
            <li key={title}>
              <strong>{title}:</strong> {text}
            </li>
          ))}
        </ul>
      </div>
      <WaysIn />
    </>
  );
}
