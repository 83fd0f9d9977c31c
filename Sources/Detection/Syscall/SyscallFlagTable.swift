/// The named bit sets and enumerations the driver uses for flag parameters
/// (its portable `PPM_*` values, not the kernel's).
public enum SyscallFlagTable: String, Sendable, Hashable, Codable {
    case openFlags
    case cloneFlags
    case execveFlags
    case socketFamily
    case ptraceRequest

    /// Names and values; enumerations match by equality, bit sets bit by bit.
    var entries: [(name: String, value: Int64)] {
        switch self {
        case .openFlags: return Self.openFlagEntries
        case .cloneFlags: return Self.cloneFlagEntries
        case .execveFlags: return Self.execveFlagEntries
        case .socketFamily: return Self.socketFamilyEntries
        case .ptraceRequest: return Self.ptraceEntries
        }
    }

    var isEnumeration: Bool { self == .socketFamily || self == .ptraceRequest }

    /// `O_RDONLY|O_CLOEXEC`, `AF_INET`, …; the number when nothing matches.
    public func render(_ value: Int64) -> String {
        if isEnumeration {
            return entries.first { $0.value == value }?.name ?? String(value)
        }
        if value == 0, let none = entries.first(where: { $0.value == 0 }) { return none.name }
        var names: [String] = []
        var covered: Int64 = 0
        for entry in entries where entry.value != 0 && value & entry.value == entry.value && covered & entry.value != entry.value {
            names.append(entry.name)
            covered |= entry.value
        }
        return names.isEmpty ? String(value) : names.joined(separator: "|")
    }

    /// The value of a flag name, for JSON events that carry names.
    public func value(named name: String) -> Int64? {
        entries.first { $0.name == name }?.value
    }

    static let openFlagEntries: [(name: String, value: Int64)] = [
        ("O_NONE", 0), ("O_RDWR", 3), ("O_RDONLY", 1), ("O_WRONLY", 2), ("O_CREAT", 1 << 2), ("O_APPEND", 1 << 3),
        ("O_DSYNC", 1 << 4), ("O_EXCL", 1 << 5), ("O_NONBLOCK", 1 << 6), ("O_SYNC", 1 << 7), ("O_TRUNC", 1 << 8),
        ("O_DIRECT", 1 << 9), ("O_DIRECTORY", 1 << 10), ("O_LARGEFILE", 1 << 11), ("O_CLOEXEC", 1 << 12),
        ("O_TMPFILE", 1 << 13),
    ]

    static let cloneFlagEntries: [(name: String, value: Int64)] = [
        ("CLONE_FILES", 1 << 0), ("CLONE_FS", 1 << 1), ("CLONE_IO", 1 << 2), ("CLONE_NEWIPC", 1 << 3),
        ("CLONE_NEWNET", 1 << 4), ("CLONE_NEWNS", 1 << 5), ("CLONE_NEWPID", 1 << 6), ("CLONE_NEWUTS", 1 << 7),
        ("CLONE_PARENT", 1 << 8), ("CLONE_PARENT_SETTID", 1 << 9), ("CLONE_PTRACE", 1 << 10),
        ("CLONE_SIGHAND", 1 << 11), ("CLONE_SYSVSEM", 1 << 12), ("CLONE_THREAD", 1 << 13),
        ("CLONE_UNTRACED", 1 << 14), ("CLONE_VM", 1 << 15), ("CLONE_NEWUSER", 1 << 20),
        ("CLONE_CHILD_CLEARTID", 1 << 22), ("CLONE_CHILD_SETTID", 1 << 23), ("CLONE_SETTLS", 1 << 24),
        ("CLONE_STOPPED", 1 << 25), ("CLONE_VFORK", 1 << 26), ("CLONE_NEWCGROUP", 1 << 27),
    ]

    static let execveFlagEntries: [(name: String, value: Int64)] = [
        ("EXE_WRITABLE", 1), ("EXE_UPPER_LAYER", 2), ("EXE_FROM_MEMFD", 4), ("EXE_LOWER_LAYER", 8),
    ]

    static let socketFamilyEntries: [(name: String, value: Int64)] = [
        ("AF_UNSPEC", 0), ("AF_UNIX", 1), ("AF_INET", 2), ("AF_INET6", 10), ("AF_NETLINK", 16), ("AF_PACKET", 17),
    ]

    static let ptraceEntries: [(name: String, value: Int64)] = [
        ("PTRACE_TRACEME", 0), ("PTRACE_PEEKTEXT", 1), ("PTRACE_PEEKDATA", 2), ("PTRACE_PEEKUSR", 3),
        ("PTRACE_POKETEXT", 4), ("PTRACE_POKEDATA", 5), ("PTRACE_POKEUSR", 6), ("PTRACE_CONT", 7),
        ("PTRACE_KILL", 8), ("PTRACE_SINGLESTEP", 9), ("PTRACE_GETREGS", 12), ("PTRACE_SETREGS", 13),
        ("PTRACE_ATTACH", 16), ("PTRACE_DETACH", 17), ("PTRACE_SEIZE", 0x4206),
    ]
}

/// Errno names for negative return values (`evt.res`).
enum SyscallErrno {
    static func name(_ code: Int64) -> String {
        let positive = -code
        if positive > 0, positive < Int64(names.count), !names[Int(positive)].isEmpty { return names[Int(positive)] }
        return networkNames[positive] ?? String(code)
    }

    static let names: [String] = [
        "", "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD", "EAGAIN",
        "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL",
        "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM",
        "ERANGE", "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP", "", "ENOMSG", "EIDRM",
    ]

    static let networkNames: [Int64: String] = [
        95: "EOPNOTSUPP", 97: "EAFNOSUPPORT", 98: "EADDRINUSE", 99: "EADDRNOTAVAIL", 101: "ENETUNREACH",
        104: "ECONNRESET", 110: "ETIMEDOUT", 111: "ECONNREFUSED", 113: "EHOSTUNREACH", 115: "EINPROGRESS",
    ]
}
