/// Rebuilds libsinsp's thread and fd tables from a capture's metadata and
/// events, and turns each raw event into a `SyscallEvent` carrying the state
/// it was evaluated against.
struct SyscallStateTracker {
    var hostname = ""
    private(set) var events: [SyscallEvent] = []
    var threads: [Int64: SyscallThread] = [:]
    /// Process id → fd number → fd (threads of a process share one table).
    var fdTables: [Int64: [Int64: SyscallFD]] = [:]
    var users: [Int64: SyscallUserInfo] = [:]
    var groups: [Int64: SyscallUserInfo] = [:]
    var containers: [String: SyscallContainerInfo] = [:]
    /// The enter event each thread is inside of (its fd and parameters).
    var pendingEnter: [Int64: (type: Int, params: [SyscallParam], fd: Int64?)] = [:]
    var number: UInt64 = 0

    mutating func addUsers(_ users: [SyscallUserInfo], groups: [SyscallUserInfo]) {
        for user in users { self.users[user.uid] = user }
        for group in groups { self.groups[group.gid] = group }
    }

    /// Adds the process list, parents before children so each snapshot links
    /// to its parent.
    mutating func addProcesses(_ processes: [SyscallProcessInfo]) {
        var byTID: [Int64: SyscallProcessInfo] = [:]
        for info in processes { byTID[info.tid] = info }
        for info in processes { link(info.tid, byTID, depth: 0) }
    }

    private mutating func link(_ tid: Int64, _ infos: [Int64: SyscallProcessInfo], depth: Int) {
        guard threads[tid] == nil, let info = infos[tid] else { return }
        if depth < 256, info.ppid != tid { link(info.ppid, infos, depth: depth + 1) }
        threads[tid] = makeThread(info)
    }

    mutating func addFDs(_ fds: [SyscallFDInfo], tid: Int64) {
        let pid = threads[tid]?.info.pid ?? tid
        for info in fds { fdTables[pid, default: [:]][info.number] = SyscallFD(info) }
    }

    func makeThread(_ info: SyscallProcessInfo) -> SyscallThread {
        var info = info
        if info.containerID.isEmpty { info.containerID = Self.containerID(cgroups: info.cgroups) }
        let parent = info.ppid == info.tid ? nil : threads[info.ppid]
        let container = info.containerID.isEmpty ? nil
            : containers[String(info.containerID.prefix(12))] ?? SyscallContainerInfo(id: info.containerID)
        return SyscallThread(info: info, parent: parent, user: users[info.uid], group: groups[info.gid],
                             loginUser: info.loginUID >= 0 ? users[info.loginUID] : nil, container: container)
    }

    /// A 64-hex-digit run in a cgroup path (docker, containerd, cri-o).
    static func containerID(cgroups: [String]) -> String {
        for entry in cgroups {
            var run = 0
            var end = entry.utf8.startIndex
            for index in entry.utf8.indices {
                let byte = entry.utf8[index]
                let isHex = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
                run = isHex ? run + 1 : 0
                if run == 64 { end = index; break }
            }
            if run == 64 {
                let start = entry.utf8.index(end, offsetBy: -63)
                return String(entry[start...end])
            }
        }
        return ""
    }

    /// The thread making a call; a placeholder when the capture never described it.
    mutating func thread(_ tid: Int64) -> SyscallThread {
        if let thread = threads[tid] { return thread }
        var info = SyscallProcessInfo()
        info.tid = tid
        info.pid = tid
        let thread = makeThread(info)
        threads[tid] = thread
        return thread
    }

    func fd(pid: Int64, _ number: Int64?) -> SyscallFD? {
        guard let number else { return nil }
        return fdTables[pid]?[number]
    }

    mutating func setFD(_ fd: SyscallFD, pid: Int64) {
        fdTables[pid, default: [:]][fd.info.number] = fd
    }

    mutating func process(_ raw: ScapRawEvent) {
        number += 1
        guard let info = SyscallEventTable.info(raw.type) else { return }
        let params = SyscallParamDecoder.decode(raw.params, specs: info.params)
        var event = SyscallEvent(number: number, timestamp: raw.timestamp, cpu: Int16(truncatingIfNeeded: raw.cpu),
                                 direction: info.direction, type: info.name, params: params, hostname: hostname)
        if raw.type <= 1, let code = params.first?.value.integer, let name = SyscallEventTable.syscallName(code) {
            event.type = name
        }
        if info.direction == .enter {
            enter(raw, &event)
        } else {
            exit(raw, &event)
        }
        events.append(event)
        if info.name == "procexit" { threads[raw.tid] = nil }
    }

    mutating func enter(_ raw: ScapRawEvent, _ event: inout SyscallEvent) {
        let thread = thread(raw.tid)
        var fdNumber: Int64?
        if let first = event.params.first, first.type == .fd { fdNumber = first.value.integer }
        pendingEnter[raw.tid] = (raw.type, event.params, fdNumber)
        event.thread = thread
        event.fdNumber = fdNumber
        event.fd = fd(pid: thread.info.pid, fdNumber)
    }

    mutating func exit(_ raw: ScapRawEvent, _ event: inout SyscallEvent) {
        var enterParams: [SyscallParam] = []
        var fdNumber: Int64?
        if let pending = pendingEnter[raw.tid], pending.type == raw.type - 1 {
            enterParams = pending.params
            fdNumber = pending.fd
            pendingEnter[raw.tid] = nil
        }
        let caller = thread(raw.tid)
        event.thread = caller
        event.fdNumber = fdNumber
        event.fd = fd(pid: caller.info.pid, fdNumber)
        var context = ExitContext(event: event, enterParams: enterParams, caller: caller)
        applyExit(&context)
        event = context.event
    }
}

/// What an exit handler sees and may change.
struct ExitContext {
    var event: SyscallEvent
    var enterParams: [SyscallParam]
    var caller: SyscallThread

    /// A parameter of the exit event, else of its enter event.
    func param(_ name: String) -> SyscallParam? {
        event.param(name) ?? enterParams.first { $0.name == name }
    }

    var result: Int64? { event.returnValue }
}
