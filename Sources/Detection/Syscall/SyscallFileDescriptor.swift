/// The kind of object a file descriptor refers to (libscap `scap_fd_type`).
public enum SyscallFDType: String, Sendable, Hashable, CaseIterable {
    case file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, inotify, timerfd, netlink, bpf
    case userfaultfd, iouring = "io_uring", memfd, pidfd, unknown

    /// fd.typechar.
    public var character: String {
        switch self {
        case .file: return "f"
        case .directory: return "d"
        case .ipv4: return "4"
        case .ipv6: return "6"
        case .unix: return "u"
        case .pipe: return "p"
        case .event: return "e"
        case .signalfd: return "s"
        case .eventpoll: return "l"
        case .inotify: return "i"
        case .timerfd: return "t"
        case .netlink: return "n"
        case .bpf: return "b"
        case .userfaultfd: return "u"
        case .iouring: return "r"
        case .memfd: return "m"
        case .pidfd: return "P"
        case .unknown: return "o"
        }
    }

    var isSocket: Bool { self == .ipv4 || self == .ipv6 || self == .unix }
    var isIP: Bool { self == .ipv4 || self == .ipv6 }
}

/// The layer-4 protocol of an IP socket.
public enum SyscallL4Protocol: String, Sendable, Hashable {
    case tcp, udp, icmp, raw, unknown
}

/// What a sensor knows of one open file descriptor.
public struct SyscallFDInfo: Sendable, Hashable {
    public var number: Int64
    public var type: SyscallFDType
    /// The path (files, directories, unix sockets) or a description (`pipe:[123]`).
    public var path = ""
    /// The path as the program passed it, before resolution against the cwd.
    public var rawPath = ""
    /// PPM open flags (`O_RDONLY` = 1, `O_WRONLY` = 2, …).
    public var openFlags: Int64 = 0
    public var clientAddress: [UInt8] = []
    public var clientPort: UInt16 = 0
    public var serverAddress: [UInt8] = []
    public var serverPort: UInt16 = 0
    public var l4Protocol: SyscallL4Protocol = .unknown
    /// True when the process accepted the connection (the local end is the server).
    public var isServerRole = false
    /// True for a socket that connect/accept completed.
    public var isConnected = false
    public var device: Int64 = 0
    public var inode: Int64 = 0

    public init(number: Int64, type: SyscallFDType, path: String = "") {
        self.number = number
        self.type = type
        self.path = path
        self.rawPath = path
    }
}

/// An immutable file descriptor snapshot with its printed forms precomputed.
public final class SyscallFD: Sendable {
    public let info: SyscallFDInfo
    /// fd.name: the path, or `cip:cport->sip:sport` for connected IP sockets.
    public let name: String
    public let directory: String
    public let fileName: String
    /// fd.ip / fd.net and fd.port values (client and server), built once.
    let addressList: FieldValue?
    let portList: FieldValue?

    public init(_ info: SyscallFDInfo) {
        self.info = info
        name = Self.displayName(info)
        addressList = info.type.isIP ? .list([.ipAddress(info.clientAddress), .ipAddress(info.serverAddress)]) : nil
        portList = info.type.isIP ? .list([.integer(Int64(info.clientPort)), .integer(Int64(info.serverPort))]) : nil
        if info.type == .directory {
            directory = info.path
            fileName = ""
        } else if info.type == .file || info.type == .memfd {
            let (dir, file) = Self.split(info.path)
            directory = dir
            fileName = file
        } else {
            directory = ""
            fileName = ""
        }
    }

    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    static func displayName(_ info: SyscallFDInfo) -> String {
        guard info.type.isIP else { return info.path }
        let server = SyscallAddressFormat.endpoint(info.serverAddress, info.serverPort)
        if info.clientAddress.isEmpty || info.clientAddress.allSatisfy({ $0 == 0 }) && info.clientPort == 0 {
            return info.serverAddress.isEmpty ? info.path : server
        }
        return SyscallAddressFormat.endpoint(info.clientAddress, info.clientPort) + "->" + server
    }

    /// The local and remote ends, by role.
    var localAddress: [UInt8] { info.isServerRole ? info.serverAddress : info.clientAddress }
    var remoteAddress: [UInt8] { info.isServerRole ? info.clientAddress : info.serverAddress }
    var localPort: UInt16 { info.isServerRole ? info.serverPort : info.clientPort }
    var remotePort: UInt16 { info.isServerRole ? info.clientPort : info.serverPort }
}

/// Address text as libsinsp prints it.
enum SyscallAddressFormat {
    static func address(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        guard bytes.count == 16 else { return "" }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        var groups: [String] = []
        for index in stride(from: 0, to: 16, by: 2) {
            groups.append(String(Int(bytes[index]) << 8 | Int(bytes[index + 1]), radix: 16))
        }
        return compress(groups)
    }

    /// Replaces the longest run of zero groups with `::`.
    static func compress(_ groups: [String]) -> String {
        var bestStart = -1, bestLength = 0, start = -1
        for (index, group) in groups.enumerated() {
            if group == "0" {
                if start < 0 { start = index }
                if index - start + 1 > bestLength { bestStart = start; bestLength = index - start + 1 }
            } else {
                start = -1
            }
        }
        guard bestLength > 1 else { return groups.joined(separator: ":") }
        let head = groups[..<bestStart].joined(separator: ":")
        let tail = groups[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }

    static func endpoint(_ bytes: [UInt8], _ port: UInt16) -> String {
        address(bytes) + ":" + String(port)
    }
}
