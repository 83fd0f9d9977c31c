/// UTF-8 decoding over byte arrays, with Go's convention that an invalid
/// byte decodes as U+FFFD of width 1.
enum RegexUTF8 {
    static let endOfText: Int32 = -1

    /// The rune starting at `i` and its width; `i` must be in range.
    static func decode(_ bytes: [UInt8], at i: Int) -> (Int32, Int) {
        if bytes[i] < 0x80 { return (Int32(bytes[i]), 1) }
        return bytes.withUnsafeBufferPointer { decode($0, at: i) }
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int32, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Int32(b0), 1) }
        let n = bytes.count
        @inline(__always) func cont(_ k: Int) -> Int32? {
            guard k < n, bytes[k] & 0xC0 == 0x80 else { return nil }
            return Int32(bytes[k] & 0x3F)
        }
        if b0 & 0xE0 == 0xC0, b0 >= 0xC2, let c1 = cont(i + 1) {
            return ((Int32(b0 & 0x1F) << 6) | c1, 2)
        }
        if b0 & 0xF0 == 0xE0, let c1 = cont(i + 1), let c2 = cont(i + 2) {
            let r = (Int32(b0 & 0x0F) << 12) | (c1 << 6) | c2
            if r >= 0x800 && !(0xD800...0xDFFF).contains(r) { return (r, 3) }
        }
        if b0 & 0xF8 == 0xF0, let c1 = cont(i + 1), let c2 = cont(i + 2), let c3 = cont(i + 3) {
            let r = (Int32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            if r >= 0x10000 && r <= 0x10FFFF { return (r, 4) }
        }
        return (0xFFFD, 1)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isAlnum(_ c: Int32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// Go's `syntax.IsWordChar`: ASCII letters, digits and underscore only.
    static func isWordChar(_ c: Int32) -> Bool { isAlnum(c) || c == 0x5F }

    static func unhex(_ c: Int32) -> Int32 {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return -1
        }
    }

    static func encode(_ r: Int32, into out: inout [UInt8]) {
        let scalar = Unicode.Scalar(UInt32(r)) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(scalar).utf8))
    }
}
