/// Whether an event is a syscall's entry (`>`) or its return (`<`).
public enum SyscallDirection: String, Sendable, Hashable {
    case enter = ">"
    case exit = "<"
}

/// One syscall event with the thread and file descriptor state it had when
/// it happened (libsinsp's `sinsp_evt` after parsing). The detection engine
/// evaluates rules of source `syscall` against it.
public struct SyscallEvent: FieldSource, Sendable {
    /// evt.num: the position in the stream, from 1.
    public var number: UInt64
    /// Nanoseconds since the epoch.
    public var timestamp: UInt64
    public var cpu: Int16
    public var direction: SyscallDirection
    /// evt.type: `openat`, `execve`, …
    public var type: String
    public var params: [SyscallParam]
    /// The thread that made the call.
    public var thread: SyscallThread?
    /// The file descriptor the call used or created.
    public var fd: SyscallFD?
    /// The fd number the call used, even when the table does not know it.
    public var fdNumber: Int64?
    /// True when the call changed the name of the fd (fd.name_changed).
    public var fdNameChanged = false
    /// Host name (evt.hostname).
    public var hostname: String

    public init(number: UInt64, timestamp: UInt64, cpu: Int16 = 0, direction: SyscallDirection, type: String,
                params: [SyscallParam] = [], thread: SyscallThread? = nil, fd: SyscallFD? = nil,
                fdNumber: Int64? = nil, hostname: String = "") {
        self.number = number
        self.timestamp = timestamp
        self.cpu = cpu
        self.direction = direction
        self.type = type
        self.params = params
        self.thread = thread
        self.fd = fd
        self.fdNumber = fdNumber ?? fd?.info.number
        self.hostname = hostname
    }

    public var source: String { "syscall" }
    public var eventType: String? { type }

    public func extract(_ field: FieldRef) -> FieldValue? {
        SyscallFieldExtractor.extract(field, from: self)
    }

    /// The parameter named `name` (first match).
    public func param(_ name: String) -> SyscallParam? {
        params.firstIndex { $0.name == name }.map { params[$0] }
    }

    /// The integer value of the parameter named `name`, read in place
    /// (no copy of the parameter on the hot path).
    public func integerParam(_ name: String) -> Int64? {
        for index in params.indices where params[index].name == name {
            if case .int(let value) = params[index].value { return value }
            return nil
        }
        return nil
    }

    /// The return value (`res`, or `fd` for fd-creating calls).
    public var returnValue: Int64? {
        guard direction == .exit else { return nil }
        for index in params.indices where params[index].name == "res" {
            if case .int(let value) = params[index].value { return value }
            return nil
        }
        if !params.isEmpty, params[0].name == "fd", case .int(let value) = params[0].value { return value }
        return nil
    }
}
