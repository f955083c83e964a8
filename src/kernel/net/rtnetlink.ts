/**
 * rtnetlink_rcv_msg(): a GET request is answered to anyone; any other request first needs
 * CAP_NET_ADMIN in the user namespace owning the caller's network namespace, then goes to
 * its handler. NAT rules travel over nfnetlink (nf_tables) with the same capability rule.
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { dumpAddrs, dumpLinks, dumpNat, dumpRoutes } from "./dump";
import { addNatRule, delNatRule } from "./nat";
import { delAddrReq, delRoute, newAddr, newRoute } from "./rtnl-addr-route";
import type { Done } from "./rtnl-link";
import { delLink, newLink, setLink } from "./rtnl-link";
import { netAdminCheck } from "./rtnl-perm";
import type { Step } from "./net-result";
import { stepFail, stepOk } from "./net-result";
import type { RtnlRequest } from "./rtnl-types";
import { isGetRequest } from "./rtnl-types";

export function rtnetlink(state: KernelState, caller: Task, req: RtnlRequest): Step<Done> {
  const ns = caller.ns.net;
  if (isGetRequest(req)) return stepOk({ state, reply: dump(state, caller, req) }, [pass("kernel", `${req.type} dump`, `read network namespace ${ns}: no privilege needed`)]);
  const cap = netAdminCheck(state, caller, ns, `${req.type}: changing the network configuration`);
  if (cap.verdict === "deny") return stepFail([cap]);
  const out = handle(state, caller, req);
  return out.ok ? stepOk(out.value, [cap, ...out.checks]) : stepFail([cap, ...out.checks]);
}

function handle(state: KernelState, caller: Task, req: RtnlRequest): Step<Done> {
  const ns = caller.ns.net;
  switch (req.type) {
    case "RTM_NEWLINK": return newLink(state, caller, ns, req);
    case "RTM_SETLINK": return setLink(state, caller, ns, req);
    case "RTM_DELLINK": return delLink(state, ns, req);
    case "RTM_NEWADDR": return newAddr(state, ns, req);
    case "RTM_DELADDR": return delAddrReq(state, ns, req);
    case "RTM_NEWROUTE": return newRoute(state, ns, req);
    case "RTM_DELROUTE": return delRoute(state, ns, req);
    case "NFT_MSG_NEWRULE":
      return stepOk({ state: addNatRule(state, ns, req.rule, req.position), reply: { kind: "ack" } }, [pass("kernel", "nf_tables_newrule", `${req.rule.target} rule added to nat ${req.rule.chain}`)]);
    case "NFT_MSG_DELRULE": {
      const next = delNatRule(state, ns, req.rule);
      const fail: Check = deny("kernel", "nf_tables_delrule", "no such rule in the nat table", "ENOENT");
      return next ? stepOk({ state: next, reply: { kind: "ack" } }, [pass("kernel", "nf_tables_delrule", "rule deleted")]) : stepFail([fail]);
    }
    default: return stepOk({ state, reply: dump(state, caller, req) });
  }
}

function dump(state: KernelState, caller: Task, req: RtnlRequest): Done["reply"] {
  const ns = caller.ns.net;
  switch (req.type) {
    case "RTM_GETADDR": return { kind: "addrs", addrs: dumpAddrs(state, ns) };
    case "RTM_GETROUTE": return { kind: "routes", routes: dumpRoutes(state, ns) };
    case "NFT_MSG_GETRULE": return { kind: "rules", rules: dumpNat(state, ns) };
    default: return { kind: "links", links: dumpLinks(state, ns) };
  }
}
