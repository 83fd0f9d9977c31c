/// Splits a stream of concatenated JSON values (`{...}{...}`, as
/// `kubectl get -w -o json` writes) into one byte range per value, so each is
/// decoded on its own with the line it starts on.
struct JSONStreamSplitter {
    struct Segment {
        var bytes: ArraySlice<UInt8>
        var line: Int
        var column: Int
    }

    /// The segments of `bytes`. A value that is not an object or array ends
    /// the split: the rest becomes one segment for the reader to judge.
    static func segments(_ bytes: [UInt8]) -> [Segment] {
        var result: [Segment] = []
        var index = 0, line = 1, column = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") else {
                result.append(Segment(bytes: bytes[index...], line: line, column: column))
                break
            }
            let end = endOfValue(bytes, from: index)
            result.append(Segment(bytes: bytes[index..<end], line: line, column: column))
            for b in bytes[index..<end] {
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            index = end
        }
        return result
    }

    /// The index just past the object or array starting at `start` (or the
    /// end of input when it is unterminated).
    private static func endOfValue(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0, inString = false, escaped = false
        var index = start
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return bytes.count
    }
}
