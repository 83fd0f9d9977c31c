/// One parameter of the driver's event table.
struct SyscallParamSpec: Sendable {
    var name: String
    var type: SyscallParamType
    var flagTable: SyscallFlagTable?
}

/// One entry of the driver's event table (libs driver/event_table.c): the
/// name and parameters of an event type id as written in `.scap` files.
struct SyscallEventInfo: Sendable {
    var name: String
    var direction: SyscallDirection
    var params: [SyscallParamSpec]
}

/// The event types of the captures this reader supports, with parameter
/// names and types; ids are the driver's `PPME_*` numbers (even = enter).
enum SyscallEventTable {
    static let process = "res:errno exe:str args:buf tid:int pid:int ptid:int cwd:str fdlimit:int pgft_maj:uint "
        + "pgft_min:uint vm_size:uint vm_rss:uint vm_swap:uint comm:str"

    static let specs: [(id: Int, name: String, params: String)] = [
        (0, "syscall", "ID:sc nativeID:uint"), (1, "syscall", "ID:sc"),
        (2, "open", "name:str flags:flags(open) mode:oct"),
        (3, "open", "fd:fd name:str flags:flags(open) mode:oct dev:hex"),
        (4, "close", "fd:fd"), (5, "close", "res:errno"),
        (6, "read", "fd:fd size:uint"), (7, "read", "res:errno data:buf"),
        (8, "write", "fd:fd size:uint"), (9, "write", "res:errno data:buf"),
        (18, "socket", "domain:flags(family) type:uint proto:uint"), (19, "socket", "fd:fd"),
        (20, "bind", "fd:fd"), (21, "bind", "res:errno addr:sock"),
        (22, "connect", "fd:fd addr:sock"), (23, "connect", "res:errno tuple:sock fd:fd"),
        (24, "listen", "fd:fd backlog:uint"), (25, "listen", "res:errno"),
        (28, "send", "fd:fd size:uint"), (29, "send", "res:errno data:buf"),
        (30, "sendto", "fd:fd size:uint tuple:sock"), (31, "sendto", "res:errno data:buf"),
        (32, "recv", "fd:fd size:uint"), (33, "recv", "res:errno data:buf"),
        (34, "recvfrom", "fd:fd size:uint"), (35, "recvfrom", "res:errno data:buf tuple:sock"),
        (48, "sendmsg", "fd:fd size:uint tuple:sock"), (49, "sendmsg", "res:errno data:buf"),
        (52, "recvmsg", "fd:fd"), (53, "recvmsg", "res:errno size:uint data:buf tuple:sock"),
        (58, "creat", "name:str mode:oct"), (59, "creat", "fd:fd name:str mode:oct dev:hex"),
        (60, "pipe", ""), (61, "pipe", "res:errno fd1:fd fd2:fd ino:uint"),
        (66, "stat", ""), (67, "stat", "res:errno path:str"),
        (70, "fstat", "fd:fd"), (71, "fstat", "res:errno"),
        (82, "select", ""), (83, "select", "res:errno"),
        (92, "getcwd", ""), (93, "getcwd", "res:errno path:str"),
        (94, "chdir", ""), (95, "chdir", "res:errno path:str"),
        (96, "fchdir", "fd:fd"), (97, "fchdir", "res:errno"),
        (102, "openat", "dirfd:fd name:str flags:flags(open) mode:oct"), (103, "openat", "fd:fd"),
        (104, "link", "oldpath:str newpath:str"), (105, "link", "res:errno"),
        (106, "linkat", "olddir:fd oldpath:str newdir:fd newpath:str"), (107, "linkat", "res:errno"),
        (108, "unlink", "path:str"), (109, "unlink", "res:errno"),
        (110, "unlinkat", "dirfd:fd name:str"), (111, "unlinkat", "res:errno"),
        (124, "dup", "fd:fd"), (125, "dup", "res:fd"),
        (152, "switch", "next:int pgft_maj:uint pgft_min:uint vm_size:uint vm_rss:uint vm_swap:uint"),
        (158, "brk", "addr:hex"), (159, "brk", "res:hex vm_size:uint vm_rss:uint vm_swap:uint"),
        (160, "mmap", "addr:hex length:uint prot:hex flags:hex fd:fd offset:uint"),
        (161, "mmap", "res:hex vm_size:uint vm_rss:uint vm_swap:uint"),
        (164, "munmap", "addr:hex length:uint"), (165, "munmap", "res:errno vm_size:uint vm_rss:uint vm_swap:uint"),
        (168, "ptrace", "request:flags(ptrace) pid:int"), (169, "ptrace", "res:errno addr:hex data:hex"),
        (174, "rename", ""), (175, "rename", "res:errno oldpath:str newpath:str"),
        (178, "symlink", ""), (179, "symlink", "res:errno target:str linkpath:str"),
        (180, "symlinkat", ""), (181, "symlinkat", "res:errno target:str linkdirfd:fd linkpath:str"),
        (186, "procexit", "status:errno ret:errno sig:signal core:uint"),
        (222, "clone", ""),
        (223, "clone", process + " cgroups:buf flags:flags(clone) uid:uint gid:uint vtid:int vpid:int"),
        (224, "fork", ""),
        (225, "fork", process + " cgroups:buf flags:flags(clone) uid:uint gid:uint vtid:int vpid:int"),
        (226, "vfork", ""),
        (227, "vfork", process + " cgroups:buf flags:flags(clone) uid:uint gid:uint vtid:int vpid:int"),
        (230, "execve", ""), (231, "execve", process + " cgroups:buf env:buf"),
        (234, "procinfo", "cpu_usr:uint cpu_sys:uint"),
        (264, "access", "mode:hex"), (265, "access", "res:errno name:str"),
        (272, "container", "json:str"),
        (288, "execve", "filename:str"), (289, "execve", process + " cgroups:buf env:buf tty:int"),
        (292, "execve", "filename:str"),
        (293, "execve", process + " cgroups:buf env:buf tty:int pgid:int loginuid:int flags:flags(execve) "
            + "cap_inheritable:hex cap_permitted:hex cap_effective:hex exe_ino:uint exe_ino_ctime:uint "
            + "exe_ino_mtime:uint uid:uint trusted_exepath:str pgid:int gid:uint"),
    ]

    static let table: [Int: SyscallEventInfo] = {
        var table: [Int: SyscallEventInfo] = [:]
        for spec in specs {
            let params = spec.params.split(separator: " ").compactMap(parseParam)
            table[spec.id] = SyscallEventInfo(name: spec.name, direction: spec.id % 2 == 0 ? .enter : .exit,
                                              params: params)
        }
        return table
    }()

    static func parseParam(_ text: Substring) -> SyscallParamSpec? {
        let parts = text.split(separator: ":")
        guard parts.count == 2 else { return nil }
        let name = String(parts[0])
        switch parts[1] {
        case "fd": return SyscallParamSpec(name: name, type: .fd)
        case "errno": return SyscallParamSpec(name: name, type: .errno)
        case "int": return SyscallParamSpec(name: name, type: .int)
        case "uint": return SyscallParamSpec(name: name, type: .uint)
        case "hex": return SyscallParamSpec(name: name, type: .hex)
        case "oct": return SyscallParamSpec(name: name, type: .octal)
        case "str": return SyscallParamSpec(name: name, type: .string)
        case "buf": return SyscallParamSpec(name: name, type: .bytes)
        case "sock": return SyscallParamSpec(name: name, type: .socket)
        case "sc": return SyscallParamSpec(name: name, type: .syscallID)
        case "signal": return SyscallParamSpec(name: name, type: .signal)
        case "flags(open)": return SyscallParamSpec(name: name, type: .flags, flagTable: .openFlags)
        case "flags(clone)": return SyscallParamSpec(name: name, type: .flags, flagTable: .cloneFlags)
        case "flags(execve)": return SyscallParamSpec(name: name, type: .flags, flagTable: .execveFlags)
        case "flags(family)": return SyscallParamSpec(name: name, type: .flags, flagTable: .socketFamily)
        case "flags(ptrace)": return SyscallParamSpec(name: name, type: .flags, flagTable: .ptraceRequest)
        default: return nil
        }
    }

    static func info(_ id: Int) -> SyscallEventInfo? { table[id] }

    /// Event types whose first enter parameter is the fd the call uses.
    static let categories: [String: String] = [
        "open": "file", "openat": "file", "openat2": "file", "creat": "file", "close": "io_other", "read": "io_read",
        "write": "io_write", "socket": "net", "connect": "net", "bind": "net", "accept": "net", "listen": "net",
        "execve": "process", "clone": "process", "fork": "process", "procexit": "process", "mmap": "memory",
        "brk": "memory", "munmap": "memory", "switch": "scheduler", "procinfo": "internal",
    ]

    static func category(of type: String) -> String { categories[type] ?? "other" }

    /// Names of the driver's old syscall codes (`PPM_SC_*`), used by the
    /// generic `syscall` events of old captures; in table order from 1.
    static let syscallNames: [String] = ("restart_syscall exit read write open close creat link unlink chdir time mknod "
        + "chmod stat lseek getpid mount ptrace alarm fstat pause utime access sync kill rename mkdir rmdir dup pipe "
        + "times brk acct ioctl fcntl setpgid umask chroot ustat dup2 getppid getpgrp setsid sethostname setrlimit "
        + "getrusage gettimeofday settimeofday symlink lstat readlink uselib swapon reboot mmap munmap truncate "
        + "ftruncate fchmod getpriority setpriority statfs fstatfs syslog setitimer getitimer uname vhangup wait4 "
        + "swapoff sysinfo fsync setdomainname adjtimex mprotect init_module delete_module quotactl getpgid fchdir "
        + "sysfs personality getdents select flock msync readv writev getsid fdatasync mlock munlock mlockall "
        + "munlockall sched_setparam sched_getparam sched_setscheduler sched_getscheduler sched_yield "
        + "sched_get_priority_max sched_get_priority_min sched_rr_get_interval nanosleep mremap poll prctl "
        + "rt_sigaction rt_sigprocmask rt_sigpending rt_sigtimedwait rt_sigqueueinfo rt_sigsuspend getcwd capget "
        + "capset sendfile getrlimit lchown getuid getgid geteuid getegid setreuid setregid getgroups setgroups "
        + "fchown setresuid getresuid setresgid getresgid chown setuid setgid setfsuid setfsgid pivot_root mincore "
        + "madvise gettid").split(separator: " ").map(String.init)

    static func syscallName(_ code: Int64) -> String? {
        guard code >= 1, code <= Int64(syscallNames.count) else { return nil }
        return syscallNames[Int(code) - 1]
    }
}
