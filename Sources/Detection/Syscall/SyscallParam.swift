/// How a parameter is rendered (libsinsp `PT_*` types, grouped).
public enum SyscallParamType: String, Sendable, Hashable, Codable {
    /// Signed decimal (PT_INT*, PT_PID).
    case int
    /// Unsigned decimal (PT_UINT*).
    case uint
    /// Unsigned, printed in hex (`0x…`).
    case hex
    /// A file descriptor number (PT_FD): rendered `3(<f>/etc/passwd)` when known.
    case fd
    /// A return value (PT_ERRNO): negative values render as errno names.
    case errno
    /// A bit set rendered with names (`O_RDONLY|O_CLOEXEC`); the table is in `flagTable`.
    case flags
    /// A string (PT_CHARBUF, PT_FSPATH, …).
    case string
    /// A byte buffer (PT_BYTEBUF), rendered printable with `.` for other bytes.
    case bytes
    /// A socket address or connection tuple (PT_SOCKADDR, PT_SOCKTUPLE).
    case socket
    /// A syscall id (PT_SYSCALLID), rendered as the syscall name.
    case syscallID
    /// A signal number (PT_SIGTYPE).
    case signal
    /// Unsigned, printed in octal (mode).
    case octal
}

/// A connection tuple or a single socket address.
public struct SocketEndpoints: Sendable, Hashable {
    public var family: SocketFamily
    public var sourceAddress: [UInt8]
    public var sourcePort: UInt16
    public var destinationAddress: [UInt8]
    public var destinationPort: UInt16
    /// The path of a unix socket.
    public var path: String

    public init(family: SocketFamily, sourceAddress: [UInt8] = [], sourcePort: UInt16 = 0,
                destinationAddress: [UInt8] = [], destinationPort: UInt16 = 0, path: String = "") {
        self.family = family
        self.sourceAddress = sourceAddress
        self.sourcePort = sourcePort
        self.destinationAddress = destinationAddress
        self.destinationPort = destinationPort
        self.path = path
    }
}

public enum SocketFamily: String, Sendable, Hashable, Codable {
    case inet, inet6, unix, other
}

/// A decoded parameter value.
public enum SyscallParamValue: Sendable, Hashable {
    case int(Int64)
    case string(String)
    case bytes([UInt8])
    case socket(SocketEndpoints)
    /// The parameter was present but empty.
    case empty

    public var integer: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    public var text: String? {
        switch self {
        case .string(let value): return value
        case .bytes(let bytes): return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        default: return nil
        }
    }
}

/// One event parameter: its name from the event table, its type and value.
public struct SyscallParam: Sendable, Hashable {
    public let name: String
    public let type: SyscallParamType
    public let value: SyscallParamValue
    /// For `.flags`: the flag table naming the bits (`file_flags`, `clone_flags`, …).
    public let flagTable: SyscallFlagTable?
    /// The rendered flag names (`O_RDONLY|O_CLOEXEC`), built once.
    let renderedFlags: String?

    public init(name: String, type: SyscallParamType, value: SyscallParamValue, flagTable: SyscallFlagTable? = nil) {
        self.name = name
        self.type = type
        self.value = value
        self.flagTable = flagTable
        if type == .flags, let flagTable, case .int(let bits) = value {
            renderedFlags = flagTable.render(bits)
        } else {
            renderedFlags = nil
        }
    }
}
