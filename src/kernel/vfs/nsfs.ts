/**
 * nsfs (`fs/nsfs.c`): one inode per namespace, numbered by the namespace id; /proc/PID/ns/*
 * links lead here. An open descriptor or a bind mount of such a file keeps the namespace alive.
 * Reading one fails with EINVAL: the files only serve setns(2) and ioctl(2).
 */
import { err } from "../../lib";
import type { SynthFs } from "./synthetic";

export const nsFs: SynthFs = {
  attr: (ctx, key) => {
    if (key === "") return { type: "dir", mode: 0o555, ino: 1 };
    const ns = ctx.state.namespaces.get(Number(key) as never);
    return ns ? { type: "reg", mode: 0o444, ino: ns.id } : undefined;
  },
  list: () => [],
  read: () => err("EINVAL"),
  readlink: () => undefined,
};
