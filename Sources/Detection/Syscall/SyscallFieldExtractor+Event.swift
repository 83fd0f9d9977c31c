import Foundation

extension SyscallFieldExtractor {
    // Event type names are small strings: comparing them is a register
    // compare, cheaper than hashing into a set.
    static func isOpen(_ type: String) -> Bool {
        type == "open" || type == "openat" || type == "openat2" || type == "open_by_handle_at"
    }

    static func isRead(_ type: String) -> Bool {
        switch type {
        case "read", "readv", "pread", "preadv", "recv", "recvfrom", "recvmsg", "recvmmsg": return true
        default: return false
        }
    }

    static func isWrite(_ type: String) -> Bool {
        switch type {
        case "write", "writev", "pwrite", "pwritev", "send", "sendto", "sendmsg", "sendmmsg": return true
        default: return false
        }
    }

    static func eventValue(_ field: SyscallField, _ argument: String?, _ event: SyscallEvent) -> FieldValue? {
        switch field {
        case .evtNum: return .integer(Int64(truncatingIfNeeded: event.number))
        case .evtTime: return .string(SyscallTimeFormat.time(event.timestamp, nanoseconds: true))
        case .evtTimeS: return .string(SyscallTimeFormat.time(event.timestamp, nanoseconds: false))
        case .evtTimeISO: return .string(SyscallTimeFormat.iso8601(event.timestamp))
        case .evtDatetime: return .string(SyscallTimeFormat.dateTime(event.timestamp, nanoseconds: true))
        case .evtDatetimeS: return .string(SyscallTimeFormat.dateTime(event.timestamp, nanoseconds: false))
        case .evtRawtime, .evtRawtimeNS: return .integer(Int64(truncatingIfNeeded: event.timestamp))
        case .evtRawtimeS: return .integer(Int64(event.timestamp / 1_000_000_000))
        case .evtSource: return .string("syscall")
        case .evtHostname: return event.hostname.isEmpty ? nil : .string(event.hostname)
        case .evtIsAsync: return .bool(false)
        case .evtType: return .string(event.type)
        case .evtTypeIs: return .bool(argument == event.type)
        case .evtDir: return .string(event.direction.rawValue)
        case .evtCPU: return .integer(Int64(event.cpu))
        case .evtArgs, .evtInfo: return .string(SyscallParamRenderer.arguments(event))
        case .evtArg: return argument.flatMap { argumentValue($0, event, raw: false) }
        case .evtRawarg: return argument.flatMap { argumentValue($0, event, raw: true) }
        case .evtBuffer: return bufferParam(event).map { .bytes($0) }
        case .evtBuflen: return bufferParam(event).map { .integer(Int64($0.count)) }
        case .evtRes:
            guard let result = event.returnValue else { return nil }
            return .string(result >= 0 ? "SUCCESS" : SyscallErrno.name(result))
        case .evtRawres: return event.returnValue.map { .integer($0) }
        case .evtFailed: return event.returnValue.map { .bool($0 < 0) }
        case .evtIsIO: return .bool(isRead(event.type) || isWrite(event.type))
        case .evtIsIORead: return .bool(isRead(event.type))
        case .evtIsIOWrite: return .bool(isWrite(event.type))
        case .evtIODir:
            if isRead(event.type) { return .string("r") }
            return isWrite(event.type) ? .string("w") : nil
        case .evtIsOpenRead: return openFlag(event, mask: 1)
        case .evtIsOpenWrite: return openFlag(event, mask: 2)
        case .evtIsOpenCreate: return openFlag(event, mask: 1 << 2)
        case .evtIsOpenExec: return .bool(false)
        case .evtCategory: return .string(SyscallEventTable.category(of: event.type))
        case .evtFDType: return event.fd.map { .string($0.info.type.rawValue) }
        case .evtPID: return event.thread.map { .integer($0.info.pid) }
        case .evtTID: return event.thread.map { .integer($0.info.tid) }
        case .evtAbspath: return event.fd.map { .string($0.info.path) }
        default: return nil
        }
    }

    /// evt.is_open_read/write/create: true only for open-family exits whose
    /// flags carry the bit.
    static func openFlag(_ event: SyscallEvent, mask: Int64) -> FieldValue {
        guard event.direction == .exit, isOpen(event.type),
              let flags = event.integerParam("flags") else { return .bool(false) }
        return .bool(flags & mask == mask)
    }

    static func bufferParam(_ event: SyscallEvent) -> [UInt8]? {
        for param in event.params where param.name == "data" {
            if case .bytes(let bytes) = param.value { return bytes }
        }
        return nil
    }

    /// evt.arg.NAME / evt.arg[N]: the rendered value (resolved form when there
    /// is one); evt.rawarg: the raw value.
    static func argumentValue(_ key: String, _ event: SyscallEvent, raw: Bool) -> FieldValue? {
        var found: SyscallParam?
        if let first = key.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
            if let index = Int(key), index >= 0, index < event.params.count { found = event.params[index] }
        } else {
            found = event.param(key)
        }
        guard let param = found else { return nil }
        if raw {
            switch param.value {
            case .int(let value): return .integer(value)
            case .bytes(let bytes): return .bytes(bytes)
            default: return .string(SyscallParamRenderer.plain(param, event))
            }
        }
        return .string(SyscallParamRenderer.resolved(param, event))
    }
}

/// evt.time and friends, in UTC.
enum SyscallTimeFormat {
    static func parts(_ timestamp: UInt64) -> tm {
        var seconds = time_t(timestamp / 1_000_000_000)
        var broken = tm()
        gmtime_r(&seconds, &broken)
        return broken
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    static func time(_ timestamp: UInt64, nanoseconds: Bool) -> String {
        let t = parts(timestamp)
        let base = pad(Int(t.tm_hour), 2) + ":" + pad(Int(t.tm_min), 2) + ":" + pad(Int(t.tm_sec), 2)
        return nanoseconds ? base + "." + pad(Int(timestamp % 1_000_000_000), 9) : base
    }

    static func date(_ t: tm) -> String {
        pad(Int(t.tm_year) + 1900, 4) + "-" + pad(Int(t.tm_mon) + 1, 2) + "-" + pad(Int(t.tm_mday), 2)
    }

    static func dateTime(_ timestamp: UInt64, nanoseconds: Bool) -> String {
        date(parts(timestamp)) + " " + time(timestamp, nanoseconds: nanoseconds)
    }

    static func iso8601(_ timestamp: UInt64) -> String {
        date(parts(timestamp)) + "T" + time(timestamp, nanoseconds: true) + "Z"
    }
}
