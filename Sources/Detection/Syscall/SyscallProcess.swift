/// What a sensor knows of one thread (libsinsp's thread table entry). A
/// sensor fills it from /proc at start and from clone/execve events after.
public struct SyscallProcessInfo: Sendable, Hashable {
    public var tid: Int64 = -1
    public var pid: Int64 = -1
    public var ppid: Int64 = -1
    public var vtid: Int64 = -1
    public var vpid: Int64 = -1
    public var sid: Int64 = -1
    public var vpgid: Int64 = -1
    /// `task->comm`, at most 16 bytes (proc.name).
    public var comm = ""
    /// argv[0] (proc.exe).
    public var exe = ""
    /// The resolved executable path (proc.exepath).
    public var exePath = ""
    /// argv[1...] (proc.args).
    public var args: [String] = []
    public var cwd = ""
    /// `NAME=value` entries, bounded by the reader.
    public var env: [String] = []
    public var uid: Int64 = -1
    public var gid: Int64 = -1
    /// The audit uid; -1 when unset (4294967295 in the kernel).
    public var loginUID: Int64 = -1
    public var tty: Int64 = 0
    public var fdLimit: Int64 = 0
    /// Clone time in ns since the epoch (proc.duration, proc.pid.ts).
    public var startTime: UInt64 = 0
    public var pidnsInitStartTime: UInt64 = 0
    public var capPermitted: UInt64 = 0
    public var capEffective: UInt64 = 0
    public var capInheritable: UInt64 = 0
    public var exeWritable = false
    public var exeUpperLayer = false
    public var exeLowerLayer = false
    public var exeFromMemfd = false
    public var exeInode: UInt64 = 0
    public var exeCtime: UInt64 = 0
    public var exeMtime: UInt64 = 0
    public var cgroups: [String] = []
    /// The full container id (64 hex chars) or "" on the host.
    public var containerID = ""

    public init() {}
}

/// The users and groups a sensor resolved (uid → name).
public struct SyscallUserInfo: Sendable, Hashable {
    public var uid: Int64
    public var gid: Int64
    public var name: String
    public var homeDirectory: String
    public var shell: String

    public init(uid: Int64, gid: Int64, name: String, homeDirectory: String = "", shell: String = "") {
        self.uid = uid
        self.gid = gid
        self.name = name
        self.homeDirectory = homeDirectory
        self.shell = shell
    }
}

/// Container metadata (the container plugin's fields), shared by the
/// threads of one container.
public struct SyscallContainerInfo: Sendable, Hashable {
    public var id = ""
    public var name = ""
    public var image = ""
    public var imageRepository = ""
    public var imageTag = ""
    public var imageDigest = ""
    public var imageID = ""
    public var type = "docker"
    public var privileged: Bool?
    public var hostNetwork: Bool?
    public var hostPID: Bool?
    public var hostIPC: Bool?
    public var startTime: UInt64 = 0
    public var ip = ""
    public var labels: [String: String] = [:]
    public var podName = ""
    public var podUID = ""
    public var podSandboxID = ""
    public var namespace = ""
    public var podLabels: [String: String] = [:]
    public var podIP = ""

    public init(id: String) { self.id = id }
}

/// An immutable snapshot of a thread at event time, with the values the
/// fields print precomputed so that extraction allocates nothing.
public final class SyscallThread: Sendable {
    public let info: SyscallProcessInfo
    /// The parent thread at the time of the snapshot.
    public let parent: SyscallThread?
    public let user: SyscallUserInfo?
    public let group: SyscallUserInfo?
    public let loginUser: SyscallUserInfo?
    public let container: SyscallContainerInfo?
    /// proc.args: arguments joined by spaces.
    public let argsLine: String
    /// proc.cmdline: `comm args`.
    public let commandLine: String
    /// proc.exeline: `exe args`.
    public let exeLine: String
    /// container.id: the first 12 characters, or "host".
    public let shortContainerID: String
    public let capEffectiveText: String
    public let capPermittedText: String
    public let capInheritableText: String
    /// proc.aname without an argument: the names of all ancestors, built once.
    let ancestorNames: FieldValue?

    public init(info: SyscallProcessInfo, parent: SyscallThread?, user: SyscallUserInfo? = nil,
                group: SyscallUserInfo? = nil, loginUser: SyscallUserInfo? = nil,
                container: SyscallContainerInfo? = nil) {
        self.info = info
        self.parent = parent
        self.user = user
        self.group = group
        self.loginUser = loginUser
        self.container = container
        argsLine = info.args.joined(separator: " ")
        commandLine = argsLine.isEmpty ? info.comm : info.comm + " " + argsLine
        exeLine = argsLine.isEmpty ? info.exe : info.exe + " " + argsLine
        shortContainerID = info.containerID.isEmpty ? "host" : String(info.containerID.prefix(12))
        capEffectiveText = SyscallCapabilities.render(info.capEffective)
        capPermittedText = SyscallCapabilities.render(info.capPermitted)
        capInheritableText = SyscallCapabilities.render(info.capInheritable)
        var names: [FieldValue] = []
        var current = parent
        while let ancestor = current, names.count < 64 {
            names.append(.string(ancestor.info.comm))
            current = ancestor.parent
        }
        ancestorNames = names.isEmpty ? nil : .list(names)
    }

    /// The ancestor `level` generations up (1 = parent), bounded against loops.
    public func ancestor(_ level: Int) -> SyscallThread? {
        var current: SyscallThread? = self
        var remaining = level
        while remaining > 0, let thread = current {
            current = thread.parent
            remaining -= 1
        }
        return level > 0 ? current : self
    }

    /// A copy with a different parent (the table re-links children).
    func with(info: SyscallProcessInfo, parent: SyscallThread?) -> SyscallThread {
        SyscallThread(info: info, parent: parent, user: user, group: group, loginUser: loginUser, container: container)
    }
}

/// Capability sets rendered as libsinsp does (`CAP_CHOWN CAP_KILL …`).
enum SyscallCapabilities {
    static let names = [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST",
        "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO",
        "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
        "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE",
        "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
        "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ]

    static func render(_ bits: UInt64) -> String {
        var out: [String] = []
        for (index, name) in names.enumerated() where bits & (1 << UInt64(index)) != 0 { out.append(name) }
        return out.joined(separator: " ")
    }

    static func parse(_ text: String) -> UInt64 {
        var bits: UInt64 = 0
        for name in text.split(separator: " ") {
            if let index = names.firstIndex(of: String(name)) { bits |= 1 << UInt64(index) }
        }
        return bits
    }
}
