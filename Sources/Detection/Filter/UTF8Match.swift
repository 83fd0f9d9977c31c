/// Byte-wise string tests on UTF-8, as libsinsp's comparisons work
/// (`strstr`, `strcasestr` in the C locale, prefix and suffix compares);
/// no Foundation, no Unicode normalisation, no allocation for native strings.
enum UTF8Match {
    @inline(__always)
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        let count = prefix.utf8.count
        guard count <= text.utf8.count else { return false }
        return text.utf8.starts(with: prefix.utf8)
    }

    @inline(__always)
    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        let count = suffix.utf8.count, total = text.utf8.count
        guard count <= total else { return false }
        return text.utf8.dropFirst(total - count).elementsEqual(suffix.utf8)
    }

    static func contains(_ text: String, _ needle: String) -> Bool {
        search(text, needle, foldCase: false)
    }

    /// `needle` must already be ASCII-lowercased (done once when the filter compiles).
    static func containsIgnoringASCIICase(_ text: String, loweredNeedle: String) -> Bool {
        search(text, loweredNeedle, foldCase: true)
    }

    /// ASCII letters lowered, every other byte kept (the C locale's `tolower`).
    static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map(lower), as: UTF8.self)
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    static func search(_ text: String, _ needle: String, foldCase: Bool) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in search(haystack, pattern, foldCase: foldCase) }
        }
    }

    static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>, foldCase: Bool) -> Bool {
        let count = pattern.count
        guard count > 0 else { return true }
        guard count <= haystack.count else { return false }
        let first = pattern[0]
        var start = 0
        let last = haystack.count - count
        while start <= last {
            let byte = foldCase ? lower(haystack[start]) : haystack[start]
            if byte == first {
                var offset = 1
                while offset < count {
                    let candidate = foldCase ? lower(haystack[start + offset]) : haystack[start + offset]
                    guard candidate == pattern[offset] else { break }
                    offset += 1
                }
                if offset == count { return true }
            }
            start += 1
        }
        return false
    }
}
