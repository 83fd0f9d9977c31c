/// Parses the metadata blocks of a capture: machine info, users, processes
/// and their file descriptors.
enum ScapMetadataParser {
    /// The host name from the machine-info block (after cpu count, memory and
    /// a reserved 64-bit word).
    static func hostname(_ cursor: ScapByteCursor) -> String {
        var cursor = cursor
        guard (try? cursor.skip(20)) != nil, let name = try? cursor.bytes(min(128, cursor.remaining)) else { return "" }
        return ScapByteCursor.text(name)
    }

    static func users(_ cursor: inout ScapByteCursor, versioned: Bool) throws(ScapReadError)
        -> (users: [SyscallUserInfo], groups: [SyscallUserInfo]) {
        var users: [SyscallUserInfo] = [], groups: [SyscallUserInfo] = []
        while cursor.remaining >= 4 {
            let start = cursor.position
            let entryLength = versioned ? Int(try cursor.u32()) : 0
            let kind = try cursor.u8()
            if kind == 0 {
                let uid = Int64(try cursor.u32()), gid = Int64(try cursor.u32())
                let name = try cursor.lengthPrefixedString(limit: ScapBlockType.maxCredential)
                let home = try cursor.lengthPrefixedString(limit: ScapBlockType.maxCredential)
                let shell = try cursor.lengthPrefixedString(limit: ScapBlockType.maxCredential)
                users.append(SyscallUserInfo(uid: uid, gid: gid, name: name, homeDirectory: home, shell: shell))
            } else {
                let gid = Int64(try cursor.u32())
                let name = try cursor.lengthPrefixedString(limit: ScapBlockType.maxCredential)
                groups.append(SyscallUserInfo(uid: -1, gid: gid, name: name))
            }
            try skipToEntryEnd(&cursor, start: start, length: entryLength)
        }
        return (users, groups)
    }

    static func skipToEntryEnd(_ cursor: inout ScapByteCursor, start: Int, length: Int) throws(ScapReadError) {
        guard length > 0 else { return }
        let read = cursor.position - start
        guard read <= length else { throw cursor.failure("entry longer than its declared \(length) bytes") }
        try cursor.skip(length - read)
    }

    static func processes(_ cursor: inout ScapByteCursor, version: Int) throws(ScapReadError) -> [SyscallProcessInfo] {
        var processes: [SyscallProcessInfo] = []
        while cursor.remaining >= 4 {
            let start = cursor.position
            let entryLength = version >= 9 ? Int(try cursor.u32()) : 0
            var info = try processCore(&cursor, version: version)
            if entryLength > 0 { try processExtras(&cursor, &info, start: start, length: entryLength) }
            try skipToEntryEnd(&cursor, start: start, length: entryLength)
            processes.append(info)
        }
        return processes
    }

    static func processCore(_ cursor: inout ScapByteCursor, version: Int) throws(ScapReadError) -> SyscallProcessInfo {
        var info = SyscallProcessInfo()
        info.tid = try cursor.i64()
        info.pid = try cursor.i64()
        info.ppid = try cursor.i64()
        if version >= 6 { info.sid = try cursor.i64() }
        if version >= 8 { info.vpgid = try cursor.i64() }
        info.comm = try cursor.lengthPrefixedString(limit: ScapBlockType.maxPath)
        let exe = ScapByteCursor.strings(try stringBytes(&cursor, limit: ScapBlockType.maxPath))
        info.exe = exe.first ?? ""
        if version >= 7 { info.exePath = try cursor.lengthPrefixedString(limit: ScapBlockType.maxPath) }
        info.args = ScapByteCursor.strings(try stringBytes(&cursor, limit: ScapBlockType.maxArgs))
        info.cwd = try cursor.lengthPrefixedString(limit: ScapBlockType.maxPath)
        info.fdLimit = Int64(bitPattern: try cursor.u64())
        _ = try cursor.u32()
        info.uid = Int64(try cursor.u32())
        info.gid = Int64(try cursor.u32())
        if version >= 2 { try cursor.skip(4 + 4 + 4 + 8 + 8) }
        if version >= 3 { info.env = boundedEnvironment(try stringBytes(&cursor, limit: ScapBlockType.maxArgs)) }
        if version >= 4 {
            info.vtid = try cursor.i64()
            info.vpid = try cursor.i64()
            info.cgroups = ScapByteCursor.strings(try stringBytes(&cursor, limit: ScapBlockType.maxArgs))
        }
        if version >= 5 { _ = try stringBytes(&cursor, limit: ScapBlockType.maxPath) }
        return info
    }

    /// Fields appended after libs 0.10, present when the entry length says so.
    static func processExtras(_ cursor: inout ScapByteCursor, _ info: inout SyscallProcessInfo, start: Int,
                              length: Int) throws(ScapReadError) {
        func fits(_ width: Int) -> Bool { cursor.position - start + width <= length }
        if length - (cursor.position - start) > 29 {
            if fits(8) { info.pidnsInitStartTime = try cursor.u64() }
            if fits(4) { info.tty = Int64(try cursor.u32()) }
        }
        if fits(4) { info.loginUID = loginUID(try cursor.u32()) }
        if fits(1) { info.exeWritable = try cursor.u8() != 0 }
        if fits(8) { info.capInheritable = try cursor.u64() }
        if fits(8) { info.capPermitted = try cursor.u64() }
        if fits(8) { info.capEffective = try cursor.u64() }
        if fits(1) { info.exeUpperLayer = try cursor.u8() != 0 }
        if fits(8) { info.exeInode = try cursor.u64() }
        if fits(8) { info.exeCtime = try cursor.u64() }
        if fits(8) { info.exeMtime = try cursor.u64() }
        if fits(1) { info.exeFromMemfd = try cursor.u8() != 0 }
    }

    static func loginUID(_ raw: UInt32) -> Int64 {
        raw == UInt32.max ? -1 : Int64(raw)
    }

    static func stringBytes(_ cursor: inout ScapByteCursor, limit: Int) throws(ScapReadError) -> [UInt8] {
        let length = Int(try cursor.u16())
        guard length <= limit else { throw cursor.failure("length \(length) exceeds \(limit)") }
        return try cursor.bytes(length)
    }

    /// At most 256 entries of the environment are kept.
    static func boundedEnvironment(_ bytes: [UInt8]) -> [String] {
        Array(ScapByteCursor.strings(bytes).prefix(256))
    }

    static func fds(_ cursor: inout ScapByteCursor, versioned: Bool) throws(ScapReadError)
        -> (tid: Int64, fds: [SyscallFDInfo]) {
        let tid = try cursor.i64()
        var fds: [SyscallFDInfo] = []
        while cursor.remaining >= 4 {
            let start = cursor.position
            let entryLength = versioned ? Int(try cursor.u32()) : 0
            let number = try cursor.i64()
            let inode = try cursor.u64()
            let kind = try cursor.u8()
            var info = try fdBody(&cursor, number: number, kind: kind, start: start, length: entryLength)
            info.inode = Int64(bitPattern: inode)
            try skipToEntryEnd(&cursor, start: start, length: entryLength)
            fds.append(info)
        }
        return (tid, fds)
    }

    static func fdBody(_ cursor: inout ScapByteCursor, number: Int64, kind: UInt8, start: Int,
                       length: Int) throws(ScapReadError) -> SyscallFDInfo {
        switch kind {
        case 3, 4:
            let width = kind == 3 ? 4 : 16
            var info = SyscallFDInfo(number: number, type: kind == 3 ? .ipv4 : .ipv6)
            info.clientAddress = try cursor.bytes(width)
            info.serverAddress = try cursor.bytes(width)
            info.clientPort = try cursor.u16()
            info.serverPort = try cursor.u16()
            info.l4Protocol = l4(try cursor.u8())
            info.isConnected = true
            return info
        case 5, 6:
            var info = SyscallFDInfo(number: number, type: kind == 5 ? .ipv4 : .ipv6)
            info.serverAddress = try cursor.bytes(kind == 5 ? 4 : 16)
            info.serverPort = try cursor.u16()
            info.l4Protocol = l4(try cursor.u8())
            info.isServerRole = true
            return info
        case 8:
            try cursor.skip(16)
            return SyscallFDInfo(number: number, type: .unix, path: try fileName(&cursor))
        case 16:
            let flags = try cursor.u32()
            var info = SyscallFDInfo(number: number, type: .file, path: try fileName(&cursor))
            info.openFlags = Int64(flags)
            if length > 0, cursor.position - start + 4 <= length { info.device = Int64(try cursor.u32()) }
            return info
        case 0:
            return SyscallFDInfo(number: number, type: .unknown)
        default:
            guard let type = fdTypes[kind] else {
                guard length > 0 else { throw cursor.failure("unknown fd type \(kind) in an unversioned fd list") }
                return SyscallFDInfo(number: number, type: .unknown, path: "unknown-type:[\(kind)]")
            }
            return SyscallFDInfo(number: number, type: type, path: try fileName(&cursor))
        }
    }

    static let fdTypes: [UInt8: SyscallFDType] = [
        1: .file, 2: .directory, 7: .pipe, 9: .event, 10: .unknown, 11: .signalfd, 12: .eventpoll, 13: .inotify,
        14: .timerfd, 15: .netlink, 17: .bpf, 18: .userfaultfd, 19: .iouring, 20: .memfd, 21: .pidfd,
    ]

    static func fileName(_ cursor: inout ScapByteCursor) throws(ScapReadError) -> String {
        ScapByteCursor.text(try stringBytes(&cursor, limit: 4095))
    }

    static func l4(_ raw: UInt8) -> SyscallL4Protocol {
        switch raw {
        case 2: return .tcp
        case 3: return .udp
        case 4: return .icmp
        case 5: return .raw
        default: return .unknown
        }
    }
}
