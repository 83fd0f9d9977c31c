import PalisadeCore
/// Go string helpers: Go strings are byte strings, so decoded bytes that are
/// not valid UTF-8 become one U+FFFD per invalid byte, as Go's range loop sees them.
enum EncodingGoStrings {
    static func string(fromBytes bytes: [UInt8]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let (scalar, width) = decodeRune(bytes, at: i)
            scalars.append(scalar ?? "\u{FFFD}")
            i += width
        }
        return String(scalars)
    }

    /// Decodes one rune like Go's utf8.DecodeRune: (nil, 1) for an invalid byte.
    static func decodeRune(_ b: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (Unicode.Scalar(c0), 1) }
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> UInt32? {
            guard i + k < b.count, b[i + k] >= lo, b[i + k] <= hi else { return nil }
            return UInt32(b[i + k] & 0x3F)
        }
        switch c0 {
        case 0xC2...0xDF:
            guard let c1 = cont(1) else { return (nil, 1) }
            return (Unicode.Scalar((UInt32(c0 & 0x1F) << 6) | c1), 2)
        case 0xE0...0xEF:
            let lo: UInt8 = c0 == 0xE0 ? 0xA0 : 0x80
            let hi: UInt8 = c0 == 0xED ? 0x9F : 0xBF
            guard let c1 = cont(1, lo, hi), let c2 = cont(2) else { return (nil, 1) }
            return (Unicode.Scalar((UInt32(c0 & 0x0F) << 12) | (c1 << 6) | c2), 3)
        case 0xF0...0xF4:
            let lo: UInt8 = c0 == 0xF0 ? 0x90 : 0x80
            let hi: UInt8 = c0 == 0xF4 ? 0x8F : 0xBF
            guard let c1 = cont(1, lo, hi), let c2 = cont(2), let c3 = cont(3) else { return (nil, 1) }
            return (Unicode.Scalar((UInt32(c0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3), 4)
        default:
            return (nil, 1)
        }
    }

    /// Go's strconv.Quote for valid UTF-8 text.
    static func quote(_ s: String) -> String { GoQuote.quote(s) }

    /// Approximates Go's unicode.IsPrint (graphic characters and U+0020).
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    static func hex(_ v: UInt32, width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    /// `U+0067 'g'`, Go's `%#U` verb.
    static func unicodeVerb(_ v: UInt32) -> String {
        let code = "U+" + hex(v, width: 4).uppercased()
        guard let scalar = Unicode.Scalar(v), isPrint(scalar) else { return code }
        return code + " '" + String(Character(scalar)) + "'"
    }
}

extension EncodingGoStrings {
    /// Byte-wise order, as Go compares strings.
    static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
