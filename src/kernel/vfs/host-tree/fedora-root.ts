/**
 * The root filesystem of the Fedora-like host: the Ubuntu tree with Fedora's identity files
 * (os-release, issue, no lsb-release) and SELinux's configuration, enforcing the targeted
 * policy. Files carry no security.selinux xattr: their labels come from file_contexts
 * (src/kernel/vfs/selinux-label.ts), as after `restorecon -R /`.
 */
import type { HostEntry } from "./entry";
import { file } from "./entry";
import { ubuntuRootFs } from "./ubuntu-root";

/** /usr/lib/os-release of Fedora Linux 43 Server. */
const OS_RELEASE = `NAME="Fedora Linux"
VERSION="43 (Server Edition)"
RELEASE_TYPE=stable
ID=fedora
VERSION_ID=43
VERSION_CODENAME=""
PRETTY_NAME="Fedora Linux 43 (Server Edition)"
ANSI_COLOR="0;38;2;60;110;180"
LOGO=fedora-logo-icon
CPE_NAME="cpe:/o:fedoraproject:fedora:43"
HOME_URL="https://fedoraproject.org/"
DOCUMENTATION_URL="https://docs.fedoraproject.org/en-US/fedora-server/"
SUPPORT_URL="https://ask.fedoraproject.org/"
BUG_REPORT_URL="https://bugzilla.redhat.com/"
REDHAT_BUGZILLA_PRODUCT="Fedora"
REDHAT_BUGZILLA_PRODUCT_VERSION=43
REDHAT_SUPPORT_PRODUCT="Fedora"
REDHAT_SUPPORT_PRODUCT_VERSION=43
VARIANT="Server Edition"
VARIANT_ID=server
`;

const SELINUX_CONFIG = `# This file controls the state of SELinux on the system.
# SELINUX= can take one of these three values:
#     enforcing - SELinux security policy is enforced.
#     permissive - SELinux prints warnings instead of enforcing.
#     disabled - No SELinux policy is loaded.
SELINUX=enforcing
# SELINUXTYPE= can take one of these three values:
#     targeted - Targeted processes are protected,
#     minimum - Modification of targeted policy. Only selected processes are protected.
#     mls - Multi Level Security protection.
SELINUXTYPE=targeted
`;

/** Fedora's versions of the files the Ubuntu tree has, by path; null removes the file. */
const REPLACED: Readonly<Record<string, string | null>> = {
  "/usr/lib/os-release": OS_RELEASE,
  "/etc/issue": "\\S\nKernel \\r on \\m (\\l)\n\n",
  "/etc/lsb-release": null,
};

export const fedoraRootFs = (hostname: string, rootUuid: string): HostEntry[] => [
  ...ubuntuRootFs(hostname, rootUuid).flatMap((e): HostEntry[] => {
    const text = REPLACED[e.path];
    if (text === undefined) return [e];
    return text === null ? [] : [{ ...e, text }];
  }),
  file("/etc/selinux/config", SELINUX_CONFIG),
];
