import Foundation
import PalisadeCore

/// Decodes one JSON-lines event (format version 1).
enum SyscallJSONDecoder {
    static func event(_ value: Value, defaultNumber: UInt64) throws(ScapReadError) -> SyscallEvent {
        guard value.objectValue != nil else { throw ScapReadError(message: "an event must be a JSON object") }
        if let version = value["v"]?.intValue, version != SyscallJSONLines.version {
            throw ScapReadError(message: "unsupported format version \(version)")
        }
        guard let type = value["type"]?.stringValue, !type.isEmpty else {
            throw ScapReadError(message: "missing \"type\"")
        }
        let direction: SyscallDirection = value["dir"]?.stringValue == ">" ? .enter : .exit
        var event = SyscallEvent(number: uint(value["num"]) ?? defaultNumber, timestamp: uint(value["ts"]) ?? 0,
                                 cpu: Int16(truncatingIfNeeded: value["cpu"]?.intValue ?? 0), direction: direction,
                                 type: type, params: try params(value["params"]),
                                 hostname: value["hostname"]?.stringValue ?? "")
        let container = value["container"].map(self.container)
        if let thread = value["thread"] {
            let ancestors = value["ancestors"]?.arrayValue ?? []
            guard ancestors.count <= 64 else { throw ScapReadError(message: "more than 64 ancestors") }
            var parent: SyscallThread?
            for ancestor in ancestors.reversed() { parent = try self.thread(ancestor, parent: parent, container: nil) }
            event.thread = try self.thread(thread, parent: parent, container: container)
        }
        if let fd = value["fd"] {
            let decoded = try self.fd(fd)
            event.fd = decoded
            event.fdNumber = decoded.info.number
        }
        if let number = value["fd_num"]?.intValue { event.fdNumber = Int64(number) }
        event.fdNameChanged = value["fd_name_changed"]?.boolValue ?? false
        return event
    }

    static func uint(_ value: Value?) -> UInt64? {
        guard let number = value?.numberValue else { return nil }
        if let int = number.intValue { return UInt64(clamping: int) }
        return number.bigIntValue.flatMap { UInt64(exactly: $0) }
    }

    static func int(_ value: Value?) -> Int64? {
        value?.intValue.map(Int64.init)
    }

    static func params(_ value: Value?) throws(ScapReadError) -> [SyscallParam] {
        guard let items = value?.arrayValue else { return [] }
        guard items.count <= 64 else { throw ScapReadError(message: "more than 64 params") }
        var params: [SyscallParam] = []
        for item in items {
            guard let name = item["name"]?.stringValue else { throw ScapReadError(message: "param without \"name\"") }
            let table = item["table"]?.stringValue.flatMap(SyscallFlagTable.init(rawValue:))
            let declared = item["type"]?.stringValue.flatMap(SyscallParamType.init(rawValue:))
            let raw = item["value"] ?? .null
            let paramValue: SyscallParamValue
            switch raw {
            case .number(let number): paramValue = .int(Int64(number.intValue ?? 0))
            case .bool(let flag): paramValue = .int(flag ? 1 : 0)
            case .string(let text):
                if let table, let bits = flagValue(text, table) { paramValue = .int(bits) } else { paramValue = .string(text) }
            case .array(let parts): paramValue = .bytes(joined(parts))
            case .object:
                if let encoded = raw["b64"]?.stringValue {
                    guard let data = Data(base64Encoded: encoded) else { throw ScapReadError(message: "param \(name): bad base64") }
                    paramValue = .bytes([UInt8](data))
                } else {
                    paramValue = .socket(socket(raw))
                }
            default: paramValue = .empty
            }
            let type = declared ?? (table != nil ? .flags : inferredType(paramValue))
            params.append(SyscallParam(name: name, type: type, value: paramValue, flagTable: table))
        }
        return params
    }

    /// `O_RDONLY|O_CLOEXEC` → bits.
    static func flagValue(_ text: String, _ table: SyscallFlagTable) -> Int64? {
        var bits: Int64 = 0
        for name in text.split(separator: "|") {
            guard let value = table.value(named: String(name)) else { return nil }
            bits |= value
        }
        return bits
    }

    /// Arrays of strings are NUL-separated buffers (args, env).
    static func joined(_ parts: [Value]) -> [UInt8] {
        var bytes: [UInt8] = []
        for part in parts {
            bytes.append(contentsOf: Array((part.stringValue ?? "").utf8))
            bytes.append(0)
        }
        return bytes
    }

    static func inferredType(_ value: SyscallParamValue) -> SyscallParamType {
        switch value {
        case .int: return .int
        case .bytes: return .bytes
        case .socket: return .socket
        default: return .string
        }
    }

    static func socket(_ value: Value) -> SocketEndpoints {
        let family = SocketFamily(rawValue: value["family"]?.stringValue ?? "") ?? .inet
        return SocketEndpoints(family: family,
                               sourceAddress: address(value["sip"]), sourcePort: UInt16(clamping: value["sport"]?.intValue ?? 0),
                               destinationAddress: address(value["dip"]), destinationPort: UInt16(clamping: value["dport"]?.intValue ?? 0),
                               path: value["path"]?.stringValue ?? "")
    }

    static func address(_ value: Value?) -> [UInt8] {
        value?.stringValue.flatMap(IPNetwork.parseAddress) ?? []
    }
}
