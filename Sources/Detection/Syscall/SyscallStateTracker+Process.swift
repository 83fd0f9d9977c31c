extension SyscallStateTracker {
    /// clone/fork/vfork exit: the child appears in the table, from whichever
    /// side (parent with res = child tid, child with res = 0) comes first.
    mutating func cloneExit(_ context: inout ExitContext) {
        guard let result = context.result, result >= 0 else { return }
        let flags = context.param("flags")?.value.integer ?? 0
        let isThread = flags & (1 << 13) != 0
        let caller = context.caller.info
        var info = caller
        if result > 0 {
            guard threads[result] == nil else { return }
            info.tid = result
            info.pid = isThread ? caller.pid : result
            info.ppid = isThread ? caller.ppid : caller.pid
            info.vtid = -1
            info.vpid = isThread ? caller.vpid : -1
        } else {
            info.tid = context.param("tid")?.value.integer ?? context.event.thread?.info.tid ?? caller.tid
            info.pid = context.param("pid")?.value.integer ?? info.tid
            info.ppid = context.param("ptid")?.value.integer ?? caller.ppid
            info.vtid = context.param("vtid")?.value.integer ?? info.vtid
            info.vpid = context.param("vpid")?.value.integer ?? info.vpid
            if let parent = threads[info.ppid], threads[info.tid] == nil || threads[info.tid] === context.caller,
               context.caller.info.comm.isEmpty {
                info = inherit(parent.info, into: info)
            }
        }
        fillProcess(&info, from: context)
        info.startTime = context.event.timestamp
        if !isThread, info.pid != caller.pid || result > 0, let table = fdTables[result > 0 ? caller.pid : info.ppid] {
            if fdTables[info.pid] == nil { fdTables[info.pid] = table }
        }
        let child = makeThread(info)
        threads[info.tid] = child
        if result == 0 {
            context.caller = child
            context.event.thread = child
        }
    }

    func inherit(_ parent: SyscallProcessInfo, into child: SyscallProcessInfo) -> SyscallProcessInfo {
        var info = parent
        info.tid = child.tid
        info.pid = child.pid
        info.ppid = child.ppid
        info.vtid = child.vtid
        info.vpid = child.vpid
        return info
    }

    /// Copies the process description an event carries (exe, args, cwd, comm…).
    func fillProcess(_ info: inout SyscallProcessInfo, from context: ExitContext) {
        if let exe = context.param("exe")?.value.text { info.exe = exe }
        if case .bytes(let bytes)? = context.param("args")?.value { info.args = ScapByteCursor.strings(bytes) }
        if case .empty? = context.param("args")?.value { info.args = [] }
        if let cwd = context.param("cwd")?.value.text, !cwd.isEmpty { info.cwd = cwd }
        if let limit = context.param("fdlimit")?.value.integer { info.fdLimit = limit }
        if let comm = context.param("comm")?.value.text, !comm.isEmpty {
            info.comm = comm
        } else if let exe = context.param("exe")?.value.text {
            info.comm = String(exe.split(separator: "/").last ?? Substring(exe)).prefixString(16)
        }
        if case .bytes(let bytes)? = context.param("cgroups")?.value { info.cgroups = ScapByteCursor.strings(bytes) }
        if let uid = context.param("uid")?.value.integer { info.uid = uid }
        if let gid = context.param("gid")?.value.integer { info.gid = gid }
        if let tty = context.param("tty")?.value.integer { info.tty = tty }
        if let loginUID = context.param("loginuid")?.value.integer { info.loginUID = loginUID == 4_294_967_295 ? -1 : loginUID }
    }

    /// execve exit: a successful exec replaces the program of the caller.
    mutating func execveExit(_ context: inout ExitContext) {
        guard context.result == 0 else { return }
        var info = context.caller.info
        fillProcess(&info, from: context)
        if let pid = context.event.param("pid")?.value.integer, pid > 0 { info.pid = pid }
        if let ppid = context.event.param("ptid")?.value.integer, ppid > 0 { info.ppid = ppid }
        if info.uid < 0, let parent = threads[info.ppid]?.info {
            // A thread the capture never described: credentials and session
            // come from the parent, as a child inherits them.
            info.uid = parent.uid
            info.gid = parent.gid
            info.loginUID = parent.loginUID
            info.sid = parent.sid
            info.vpgid = parent.vpgid
            if info.startTime == 0 { info.startTime = context.event.timestamp }
        }
        if case .bytes(let bytes)? = context.param("env")?.value {
            info.env = ScapMetadataParser.boundedEnvironment(bytes)
        }
        if let path = context.param("trusted_exepath")?.value.text, !path.isEmpty {
            info.exePath = path
        } else if let filename = context.enterParams.first(where: { $0.name == "filename" })?.value.text {
            info.exePath = SyscallPath.resolve(filename, against: info.cwd)
        } else {
            info.exePath = info.exe
        }
        if let flags = context.param("flags")?.value.integer {
            info.exeWritable = flags & 1 != 0
            info.exeUpperLayer = flags & 2 != 0
            info.exeFromMemfd = flags & 4 != 0
            info.exeLowerLayer = flags & 8 != 0
        }
        if let value = context.param("cap_effective")?.value.integer { info.capEffective = UInt64(bitPattern: value) }
        if let value = context.param("cap_permitted")?.value.integer { info.capPermitted = UInt64(bitPattern: value) }
        if let value = context.param("cap_inheritable")?.value.integer { info.capInheritable = UInt64(bitPattern: value) }
        if let value = context.param("exe_ino_ctime")?.value.integer { info.exeCtime = UInt64(bitPattern: value) }
        if let value = context.param("exe_ino_mtime")?.value.integer { info.exeMtime = UInt64(bitPattern: value) }
        updateThread(info, &context)
    }
}

extension String {
    func prefixString(_ count: Int) -> String { String(prefix(count)) }
}
