/// Decodes the contents of a JSON string that has backslash escapes. The
/// parser has already validated them; anything unexpected is kept as is
/// rather than trapping. Unpaired surrogates become U+FFFD; a high surrogate
/// followed by any `\u` escape consumes it (U+FFFD when it is no low surrogate).
enum AuditJSONUnescaper {
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < raw.count else { out.append(byte); continue }
            let escape = raw[index]
            index += 1
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"): append(unicodeEscape(raw, &index), to: &out)
            default: out.append(escape)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unicodeEscape(_ raw: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Unicode.Scalar {
        guard let high = hex4(raw, &index) else { return "\u{FFFD}" }
        if (0xD800..<0xDC00).contains(high), index + 1 < raw.count, raw[index] == UInt8(ascii: "\\"),
           raw[index + 1] == UInt8(ascii: "u") {
            index += 2
            guard let low = hex4(raw, &index) else { return "\u{FFFD}" }
            if (0xDC00..<0xE000).contains(low),
               let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                return scalar
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    static func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> UInt32? {
        guard index + 4 <= raw.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = ASCIIHex.value(raw[index]) else { return nil }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }
}
