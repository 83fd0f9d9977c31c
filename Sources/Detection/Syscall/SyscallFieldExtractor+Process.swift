extension SyscallFieldExtractor {
    static func processValue(_ field: SyscallField, _ argument: String?, _ event: SyscallEvent) -> FieldValue? {
        guard let thread = event.thread else { return nil }
        let info = thread.info
        switch field {
        case .procExe: return .string(info.exe)
        case .procPexe: return thread.parent.map { .string($0.info.exe) }
        case .procAexe: return ancestors(thread, argument) { .string($0.info.exe) }
        case .procExepath: return .string(info.exePath)
        case .procPexepath: return thread.parent.map { .string($0.info.exePath) }
        case .procAexepath: return ancestors(thread, argument) { .string($0.info.exePath) }
        case .procName: return .string(info.comm)
        case .procPname, .procPPIDName: return thread.parent.map { .string($0.info.comm) }
        case .procAname:
            if argument == nil { return thread.ancestorNames }
            return ancestors(thread, argument) { .string($0.info.comm) }
        case .procArgs: return .string(thread.argsLine)
        case .procCmdline: return .string(thread.commandLine)
        case .procPcmdline: return thread.parent.map { .string($0.commandLine) }
        case .procAcmdline: return ancestors(thread, argument) { .string($0.commandLine) }
        case .procCmdnargs: return .integer(Int64(info.args.count))
        case .procCmdlenargs: return .integer(Int64(info.args.reduce(0) { $0 + $1.utf8.count }))
        case .procExeline: return .string(thread.exeLine)
        case .procEnv: return environment(info.env, argument)
        case .procCwd: return .string(info.cwd)
        case .procTTY: return .integer(info.tty)
        case .procIsTTY: return .bool(info.tty != 0)
        case .procPID: return .integer(info.pid)
        case .procPPID: return .integer(info.ppid)
        case .procApid: return ancestors(thread, argument) { .integer($0.info.pid) }
        case .procVPID: return .integer(info.vpid)
        case .procPVPID: return thread.parent.map { .integer($0.info.vpid) }
        case .procSID: return .integer(info.sid)
        case .procSname: return sessionLeader(thread).map { .string($0.info.comm) }
        case .procSIDExe: return sessionLeader(thread).map { .string($0.info.exe) }
        case .procSIDExepath: return sessionLeader(thread).map { .string($0.info.exePath) }
        case .procVPGID: return .integer(info.vpgid)
        case .procVPGIDName: return groupLeader(thread).map { .string($0.info.comm) }
        case .procVPGIDExe: return groupLeader(thread).map { .string($0.info.exe) }
        case .procVPGIDExepath: return groupLeader(thread).map { .string($0.info.exePath) }
        case .procDuration: return since(info.startTime, event.timestamp)
        case .procPPIDDuration: return thread.parent.flatMap { since($0.info.startTime, event.timestamp) }
        case .procPIDTs: return info.startTime == 0 ? nil : .integer(Int64(info.startTime))
        case .procPPIDTs: return thread.parent.flatMap { $0.info.startTime == 0 ? nil : .integer(Int64($0.info.startTime)) }
        case .procIsExeWritable: return .bool(info.exeWritable)
        case .procIsExeUpperLayer: return .bool(info.exeUpperLayer)
        case .procIsExeLowerLayer: return .bool(info.exeLowerLayer)
        case .procIsExeFromMemfd: return .bool(info.exeFromMemfd)
        case .procIsSIDLeader: return .bool(info.sid == info.vpid)
        case .procIsVPGIDLeader: return .bool(info.vpgid == info.vpid)
        case .procIsHealthcheck, .procIsLiveness, .procIsReadiness: return .bool(false)
        case .procExeIno: return info.exeInode == 0 ? nil : .integer(Int64(truncatingIfNeeded: info.exeInode))
        case .procExeInoCtime: return info.exeCtime == 0 ? nil : .integer(Int64(truncatingIfNeeded: info.exeCtime))
        case .procExeInoMtime: return info.exeMtime == 0 ? nil : .integer(Int64(truncatingIfNeeded: info.exeMtime))
        case .procExeInoCtimeDuration:
            guard info.exeCtime != 0, info.startTime >= info.exeCtime else { return nil }
            return .integer(Int64(info.startTime - info.exeCtime))
        case .procExeInoCtimePidns:
            guard info.exeCtime != 0, info.pidnsInitStartTime != 0, info.exeCtime >= info.pidnsInitStartTime else { return nil }
            return .integer(Int64(info.exeCtime - info.pidnsInitStartTime))
        case .procPidnsInitStart: return .integer(Int64(truncatingIfNeeded: info.pidnsInitStartTime))
        case .procCapPermitted, .threadCapPermitted: return .string(thread.capPermittedText)
        case .procCapInheritable, .threadCapInheritable: return .string(thread.capInheritableText)
        case .procCapEffective, .threadCapEffective: return .string(thread.capEffectiveText)
        case .procFDLimit: return .integer(info.fdLimit)
        case .threadTID: return .integer(info.tid)
        case .threadVTID: return .integer(info.vtid)
        case .threadIsMain: return .bool(info.tid == info.pid)
        case .threadCgroups: return .string(info.cgroups.joined(separator: " "))
        case .threadCgroup: return cgroup(info.cgroups, argument)
        case .threadNametid: return .string(info.comm + String(info.tid))
        case .userUID: return .integer(info.uid)
        case .userName: return .string(thread.user?.name ?? (info.uid == 0 ? "root" : String(info.uid)))
        case .userHomedir: return thread.user.map { .string($0.homeDirectory) }
        case .userShell: return thread.user.map { .string($0.shell) }
        case .userLoginuid: return .integer(info.loginUID)
        case .userLoginname:
            if info.loginUID < 0 { return nil }
            return .string(thread.loginUser?.name ?? (info.loginUID == 0 ? "root" : String(info.loginUID)))
        case .groupGID: return .integer(info.gid)
        case .groupName: return .string(thread.group?.name ?? (info.gid == 0 ? "root" : String(info.gid)))
        default: return nil
        }
    }

    /// proc.aname[N] (N = 0 is the thread itself) or, without an argument,
    /// every ancestor from the parent up (a list: any may match).
    static func ancestors(_ thread: SyscallThread, _ argument: String?,
                          _ value: (SyscallThread) -> FieldValue) -> FieldValue? {
        if let argument {
            guard let level = Int(argument), level >= 0 else { return nil }
            return thread.ancestor(level).map(value)
        }
        var values: [FieldValue] = []
        var current = thread.parent
        while let ancestor = current, values.count < 64 {
            values.append(value(ancestor))
            current = ancestor.parent
        }
        return values.isEmpty ? nil : .list(values)
    }

    static func sessionLeader(_ thread: SyscallThread) -> SyscallThread? {
        leader(thread) { $0.info.vpid == thread.info.sid }
    }

    static func groupLeader(_ thread: SyscallThread) -> SyscallThread? {
        leader(thread) { $0.info.vpid == thread.info.vpgid }
    }

    /// The nearest ancestor (or self) satisfying `isLeader`, as libsinsp walks
    /// the parent chain.
    static func leader(_ thread: SyscallThread, _ isLeader: (SyscallThread) -> Bool) -> SyscallThread? {
        var current: SyscallThread? = thread
        var steps = 0
        while let candidate = current, steps < 64 {
            if isLeader(candidate) { return candidate }
            current = candidate.parent
            steps += 1
        }
        return nil
    }

    static func since(_ start: UInt64, _ now: UInt64) -> FieldValue? {
        guard start != 0, now >= start else { return nil }
        return .integer(Int64(now - start))
    }

    static func environment(_ env: [String], _ name: String?) -> FieldValue? {
        guard let name else { return .string(env.joined(separator: " ")) }
        for entry in env {
            guard entry.hasPrefix(name), let equals = entry.firstIndex(of: "=") else { continue }
            if entry[..<equals].utf8.count == name.utf8.count { return .string(String(entry[entry.index(after: equals)...])) }
        }
        return nil
    }

    static func cgroup(_ cgroups: [String], _ subsystem: String?) -> FieldValue? {
        guard let subsystem else { return nil }
        for entry in cgroups {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            if entry[..<equals] == subsystem { return .string(String(entry[entry.index(after: equals)...])) }
        }
        return nil
    }
}
