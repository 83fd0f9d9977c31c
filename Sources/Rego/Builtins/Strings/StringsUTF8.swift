/// Byte-level (UTF-8) string helpers with Go's `strings` package semantics.
/// Swift's own `String` comparisons use canonical equivalence and grapheme
/// clusters; Go compares bytes, so these work on UTF-8 code units.
enum StringsUTF8 {
    /// Go's `strings.Index`: byte offset of the first occurrence, or nil.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        if needle.isEmpty { return start <= haystack.count ? start : nil }
        guard haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] && matches(needle, in: haystack, at: i) { return i }
            i += 1
        }
        return nil
    }

    static func matches(_ needle: [UInt8], in haystack: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + needle.count <= haystack.count else { return false }
        var j = 0
        while j < needle.count {
            if haystack[i + j] != needle[j] { return false }
            j += 1
        }
        return true
    }

    static func contains(_ s: String, _ sub: String) -> Bool {
        firstIndex(of: Array(sub.utf8), in: Array(s.utf8)) != nil
    }

    static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        s.utf8.starts(with: prefix.utf8)
    }

    static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        s.utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    /// Go's `strings.Count`: non-overlapping occurrences; an empty
    /// substring counts the code points plus one.
    static func count(_ sub: String, in s: String) -> Int {
        if sub.isEmpty { return s.unicodeScalars.count + 1 }
        let hay = Array(s.utf8), needle = Array(sub.utf8)
        var n = 0
        var from = 0
        while let i = firstIndex(of: needle, in: hay, from: from) {
            n += 1
            from = i + needle.count
        }
        return n
    }

    /// Go's `strings.Split` (the separator is non-empty).
    static func split(_ s: String, by sep: String) -> [String] {
        let hay = Array(s.utf8), needle = Array(sep.utf8)
        var parts: [String] = []
        var from = 0
        while let i = firstIndex(of: needle, in: hay, from: from) {
            parts.append(text(hay[from..<i]))
            from = i + needle.count
        }
        parts.append(text(hay[from...]))
        return parts
    }

    static func text<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Length of the UTF-8 sequence starting with `lead`.
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
