import { Link } from "react-router";
import { ComingSoon } from "./ComingSoon";
import { PageIntro } from "./PageIntro";

/** `/lab`: the free-play lab. Says plainly that it is not here yet. */
export function LabPage() {
  return (
    <>
      <PageIntro eyebrow="Free play" title="The lab">
        A simulated Linux host with Docker and KVM: a terminal per shell, a live diagram of the
        kernel’s namespaces and cgroups, and an inspector for every process.
      </PageIntro>
      <ComingSoon title="The lab opens with the kernel simulator">
        <p>
          The simulated kernel, container runtime and hypervisor are being built. Until they are,
          there is no terminal here to type into: nothing on this page pretends to run.
        </p>
        <p>
          Meanwhile you can <Link to="/learn">read the lessons</Link> or{" "}
          <Link to="/escape">look at the escape room briefings</Link>.
        </p>
      </ComingSoon>
    </>
  );
}
