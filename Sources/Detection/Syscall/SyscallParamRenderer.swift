/// Renders parameters as libsinsp prints them: the plain value (`4097`) and
/// the resolved form (`O_RDONLY|O_CLOEXEC`, `<f>/etc/passwd`, `ENOENT`).
enum SyscallParamRenderer {
    static func plain(_ param: SyscallParam, _ event: SyscallEvent) -> String {
        switch param.value {
        case .empty: return ""
        case .string(let text): return text
        case .bytes(let bytes): return printable(bytes)
        case .socket(let endpoints): return socket(endpoints)
        case .int(let value):
            switch param.type {
            case .hex: return "0x" + String(UInt64(bitPattern: value), radix: 16)
            case .octal: return "0" + String(UInt64(bitPattern: value), radix: 8)
            case .syscallID: return SyscallEventTable.syscallName(value) ?? String(value)
            default: return String(value)
            }
        }
    }

    /// The resolved form, or the plain one when there is none.
    static func resolved(_ param: SyscallParam, _ event: SyscallEvent) -> String {
        guard case .int(let value) = param.value else { return plain(param, event) }
        switch param.type {
        case .flags: return param.renderedFlags ?? String(value)
        case .errno: return value < 0 ? SyscallErrno.name(value) : String(value)
        case .fd:
            if value == -100 { return "AT_FDCWD" }
            if value < 0 { return SyscallErrno.name(value) }
            if let fd = event.fd, fd.info.number == value { return "<" + fd.info.type.character + ">" + fd.name }
            return String(value)
        default: return plain(param, event)
        }
    }

    /// evt.args: `name=value` pairs, with the resolved form in parentheses.
    static func arguments(_ event: SyscallEvent) -> String {
        var parts: [String] = []
        for param in event.params {
            let value = plain(param, event)
            let resolvedValue = resolved(param, event)
            parts.append(param.name + "=" + (resolvedValue == value ? value : value + "(" + resolvedValue + ")"))
        }
        return parts.joined(separator: " ")
    }

    static func socket(_ endpoints: SocketEndpoints) -> String {
        switch endpoints.family {
        case .unix: return endpoints.path
        case .other: return ""
        case .inet, .inet6:
            let destination = SyscallAddressFormat.endpoint(endpoints.destinationAddress, endpoints.destinationPort)
            guard !endpoints.sourceAddress.isEmpty else { return destination }
            return SyscallAddressFormat.endpoint(endpoints.sourceAddress, endpoints.sourcePort) + "->" + destination
        }
    }

    /// Printable ASCII kept, other bytes as `.` (libsinsp's default buffer format).
    static func printable(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
    }
}
