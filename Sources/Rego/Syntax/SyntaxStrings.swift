/// Decoding of string literal contents, following OPA (which hands escaped
/// strings to Go's JSON decoder).
enum SyntaxStrings {
    /// Plain text of `bytes[range]`.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A `"..."` literal's value. Nil when an escape or a control character is invalid.
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hasEscape: Bool) -> String? {
        guard hasEscape else { return text(bytes, range) }
        return decodeJSON(bytes, range, templateBraces: false)
    }

    /// A `$"..."` part: `\{` is a literal brace; other escapes as in strings.
    static func templatePart(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hasEscape: Bool) -> String? {
        guard hasEscape else { return text(bytes, range) }
        var onlyBraces = true
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "\\") {
                if i + 1 < range.upperBound, bytes[i + 1] == UInt8(ascii: "{") {
                    i += 2
                    continue
                }
                onlyBraces = false
                break
            }
            i += 1
        }
        if onlyBraces { return rawTemplatePart(bytes, range, hasEscape: true) }
        return decodeJSON(bytes, range, templateBraces: true)
    }

    /// A `` $`...` `` part: only `\{` is an escape.
    static func rawTemplatePart(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hasEscape: Bool) -> String {
        guard hasEscape else { return text(bytes, range) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let c = bytes[i]
            if c == UInt8(ascii: "\\"), i + 1 < range.upperBound, bytes[i + 1] == UInt8(ascii: "{") {
                out.append(UInt8(ascii: "{"))
                i += 2
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func decodeJSON(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, templateBraces: Bool) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = bytes[i]
            if c < 0x20 { return nil }
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < end else { return nil }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "{") where templateBraces: out.append(e)
            case UInt8(ascii: "u"):
                guard let unit = hex4(bytes, i, end) else { return nil }
                i += 4
                var scalar = unit
                if unit >= 0xD800 && unit < 0xDC00 {
                    // A high surrogate combines with a following low one; alone it is U+FFFD (as in Go).
                    if i + 6 <= end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                       let low = hex4(bytes, i + 2, end), low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if unit >= 0xDC00 && unit < 0xE000 {
                    scalar = 0xFFFD
                }
                appendUTF8(&out, Unicode.Scalar(scalar) ?? "\u{FFFD}")
            default:
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt32? {
        guard start + 4 <= end else { return nil }
        var value: UInt32 = 0
        for k in 0..<4 {
            let c = bytes[start + k]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    private static func appendUTF8(_ out: inout [UInt8], _ scalar: Unicode.Scalar) {
        if let encoded = UTF8.encode(scalar) { out.append(contentsOf: encoded) }
    }
}
