/**
 * errno values and their strerror(3) texts (glibc wording, which the GNU tools print;
 * busybox and musl differ only where noted by the userland).
 */
export const ERRNO = {
  EPERM: [1, "Operation not permitted"],
  ENOENT: [2, "No such file or directory"],
  ESRCH: [3, "No such process"],
  EINTR: [4, "Interrupted system call"],
  EIO: [5, "Input/output error"],
  ENXIO: [6, "No such device or address"],
  E2BIG: [7, "Argument list too long"],
  ENOEXEC: [8, "Exec format error"],
  EBADF: [9, "Bad file descriptor"],
  ECHILD: [10, "No child processes"],
  EAGAIN: [11, "Resource temporarily unavailable"],
  ENOMEM: [12, "Cannot allocate memory"],
  EACCES: [13, "Permission denied"],
  EFAULT: [14, "Bad address"],
  EBUSY: [16, "Device or resource busy"],
  EEXIST: [17, "File exists"],
  EXDEV: [18, "Invalid cross-device link"],
  ENODEV: [19, "No such device"],
  ENOTDIR: [20, "Not a directory"],
  EISDIR: [21, "Is a directory"],
  EINVAL: [22, "Invalid argument"],
  EMFILE: [24, "Too many open files"],
  ENOTTY: [25, "Inappropriate ioctl for device"],
  ETXTBSY: [26, "Text file busy"],
  EFBIG: [27, "File too large"],
  ENOSPC: [28, "No space left on device"],
  ESPIPE: [29, "Illegal seek"],
  EROFS: [30, "Read-only file system"],
  EMLINK: [31, "Too many links"],
  EPIPE: [32, "Broken pipe"],
  ERANGE: [34, "Numerical result out of range"],
  ENAMETOOLONG: [36, "File name too long"],
  ENOSYS: [38, "Function not implemented"],
  ENOTEMPTY: [39, "Directory not empty"],
  ELOOP: [40, "Too many levels of symbolic links"],
  ENOMSG: [42, "No message of desired type"],
  EIDRM: [43, "Identifier removed"],
  EUSERS: [87, "Too many users"],
  ENOTSOCK: [88, "Socket operation on non-socket"],
  EOPNOTSUPP: [95, "Operation not supported"],
  EAFNOSUPPORT: [97, "Address family not supported by protocol"],
  EADDRINUSE: [98, "Address already in use"],
  EADDRNOTAVAIL: [99, "Cannot assign requested address"],
  ENETDOWN: [100, "Network is down"],
  ENETUNREACH: [101, "Network is unreachable"],
  ECONNREFUSED: [111, "Connection refused"],
  EHOSTUNREACH: [113, "No route to host"],
} as const satisfies Record<string, readonly [number, string]>;

export type Errno = keyof typeof ERRNO;

export const errnoNumber = (e: Errno): number => ERRNO[e][0];
export const strerror = (e: Errno): string => ERRNO[e][1];
