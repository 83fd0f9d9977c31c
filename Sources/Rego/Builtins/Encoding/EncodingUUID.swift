import PalisadeCore

/// uuid.rfc4122 and uuid.parse.
enum EncodingUUID {
    static var builtins: [Builtin] {
        [
            Builtin("uuid.rfc4122", arity: 1, nondeterministic: true) { args, ctx in
                // Stable within one evaluation for the same key, as OPA caches it.
                let key = "encoding.uuid.rfc4122:" + JSONWriter.string(args[0])
                return .string(ctx.memoized(key) { randomV4() })
            },
            Builtin("uuid.parse", arity: 1) { args, _ in
                guard let bytes = parse(try args.string(0)) else { return nil }
                return fields(bytes)
            },
        ]
    }

    static func randomV4() -> String {
        var g = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return format(bytes)
    }

    static func format(_ b: [UInt8]) -> String {
        let hex = b.map { EncodingGoStrings.hex(UInt32($0), width: 2) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }

    /// google/uuid's Parse: plain, `urn:uuid:`, braced, or 32 hex digits.
    static func parse(_ s: String) -> [UInt8]? {
        var text = Array(s.utf8)
        switch text.count {
        case 36: break
        case 45:
            guard String(decoding: text[0..<9], as: UTF8.self).lowercased() == "urn:uuid:" else { return nil }
            text = Array(text[9...])
        case 38:
            guard text.first == UInt8(ascii: "{"), text.last == UInt8(ascii: "}") else { return nil }
            text = Array(text[1..<37])
        case 32:
            return hexBytes(text)
        default:
            return nil
        }
        guard text[8] == 45, text[13] == 45, text[18] == 45, text[23] == 45 else { return nil }
        return hexBytes(removeDashes(text))
    }

    private static func removeDashes(_ t: [UInt8]) -> [UInt8] {
        Array(t[0..<8] + t[9..<13] + t[14..<18] + t[19..<23] + t[24..<36])
    }

    private static func hexBytes(_ t: [UInt8]) -> [UInt8]? {
        guard t.count == 32 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < 32 {
            guard let hi = hexValue(t[i]), let lo = hexValue(t[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }

    static func fields(_ u: [UInt8]) -> Value {
        let version = Int(u[6] >> 4)
        var out: [String: Value] = ["version": .int(version), "variant": .string(variant(u[8]))]
        guard version == 1 || version == 2 else { return .object(fields: out) }
        let timeLow = Int64(u[0]) << 24 | Int64(u[1]) << 16 | Int64(u[2]) << 8 | Int64(u[3])
        let timeMid = Int64(u[4]) << 8 | Int64(u[5])
        let timeHigh = (Int64(u[6]) << 8 | Int64(u[7])) & 0x0FFF
        let ticks = timeLow | timeMid << 32 | timeHigh << 48
        // 100ns ticks since 1582-10-15 to Unix nanoseconds.
        let sinceUnix = ticks - 122_192_928_000_000_000
        out["time"] = .int(Int(sinceUnix / 10_000_000 * 1_000_000_000 + sinceUnix % 10_000_000 * 100))
        let node = Array(u[10..<16])
        out["nodeid"] = .string(node.map { EncodingGoStrings.hex(UInt32($0), width: 2) }.joined(separator: "-"))
        out["macvariables"] = .string(macVariables(node[0]))
        out["clocksequence"] = .int((Int(u[8]) << 8 | Int(u[9])) & 0x3FFF)
        if version == 2 {
            out["id"] = .int(Int(timeLow))
            let domains = ["Person", "Group", "Org"]
            out["domain"] = .string(Int(u[9]) < domains.count ? domains[Int(u[9])] : "Domain\(u[9])")
        }
        return .object(fields: out)
    }

    static func variant(_ b: UInt8) -> String {
        if b & 0xC0 == 0x80 { return "RFC4122" }
        if b & 0xE0 == 0xC0 { return "Microsoft" }
        if b & 0xE0 == 0xE0 { return "Future" }
        return "Reserved"
    }

    static func macVariables(_ b: UInt8) -> String {
        switch b & 0x03 {
        case 0x03: return "local:multicast"
        case 0x01: return "global:multicast"
        case 0x02: return "local:unicast"
        default: return "global:unicast"
        }
    }
}
