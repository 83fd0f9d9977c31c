/// One PEM block: `-----BEGIN TYPE-----`, optional headers, base64 body.
struct CryptoPEMBlock {
    var type: String
    var bytes: [UInt8]
}

/// A port of Go's `encoding/pem.Decode`, whose leniency (text before the
/// block, blocks that fail to decode being skipped) OPA's builtins inherit.
enum CryptoPEM {
    private static let begin = Array("-----BEGIN ".utf8)
    private static let end = Array("\n-----END ".utf8)
    private static let dashes = Array("-----".utf8)

    static func hasBeginPrefix(_ text: String) -> Bool {
        text.hasPrefix("-----BEGIN")
    }

    /// The first PEM block in `data` and the bytes after it. When no block is
    /// found, returns nil and all of `data`.
    static func decode(_ data: ArraySlice<UInt8>) -> (block: CryptoPEMBlock?, rest: ArraySlice<UInt8>) {
        var rest = data
        while true {
            if rest.starts(with: begin) {
                rest = rest.dropFirst(begin.count)
            } else if let found = firstRange(of: [10] + begin, in: rest) {
                rest = rest[found.upperBound...]
            } else {
                return (nil, data)
            }

            var typeLine: ArraySlice<UInt8>
            (typeLine, rest) = line(rest)
            guard typeLine.count >= dashes.count, typeLine.suffix(dashes.count).elementsEqual(dashes) else { continue }
            typeLine = typeLine.dropLast(dashes.count)

            var hasHeaders = false
            var exhausted = false
            while true {
                if rest.isEmpty { exhausted = true; break }
                let (current, next) = line(rest)
                guard current.contains(58) else { break }  // ':'
                hasHeaders = true
                rest = next
            }
            if exhausted { return (nil, data) }

            let endStart: ArraySlice<UInt8>.Index
            let trailerStart: ArraySlice<UInt8>.Index
            if !hasHeaders, rest.starts(with: end.dropFirst()) {
                endStart = rest.startIndex
                trailerStart = rest.startIndex + end.count - 1
            } else if let found = firstRange(of: end, in: rest) {
                endStart = found.lowerBound
                trailerStart = found.upperBound
            } else {
                continue
            }

            var trailer = rest[trailerStart...]
            let trailerLength = typeLine.count + dashes.count
            guard trailer.count >= trailerLength else { continue }
            let restOfEndLine = trailer.dropFirst(trailerLength)
            trailer = trailer.prefix(trailerLength)
            guard trailer.starts(with: typeLine), trailer.suffix(dashes.count).elementsEqual(dashes) else { continue }
            guard line(restOfEndLine).line.isEmpty else { continue }

            let body = rest[rest.startIndex..<endStart].filter { $0 != 32 && $0 != 9 }
            guard let bytes = try? CryptoBase64.decode(body) else { continue }
            let block = CryptoPEMBlock(type: String(decoding: typeLine, as: UTF8.self), bytes: bytes)
            let afterEnd = rest[(endStart + end.count - 1)...]
            return (block, line(afterEnd).rest)
        }
    }

    static func encode(type: String, bytes: [UInt8]) -> String {
        let body = CryptoBase64.encode(bytes)
        var lines: [Substring] = []
        var index = body.startIndex
        while index < body.endIndex {
            let next = body.index(index, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex
            lines.append(body[index..<next])
            index = next
        }
        return "-----BEGIN \(type)-----\n" + lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n") + "-----END \(type)-----\n"
    }

    /// Go's `getLine`: the line without its terminator and trailing blanks.
    private static func line(_ data: ArraySlice<UInt8>) -> (line: ArraySlice<UInt8>, rest: ArraySlice<UInt8>) {
        var lineEnd = data.endIndex
        var restStart = data.endIndex
        if let newline = data.firstIndex(of: 10) {
            lineEnd = newline
            restStart = newline + 1
            if newline > data.startIndex, data[newline - 1] == 13 { lineEnd = newline - 1 }
        }
        var content = data[data.startIndex..<lineEnd]
        while let last = content.last, last == 32 || last == 9 { content = content.dropLast() }
        return (content, data[restStart...])
    }

    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) {
                return i..<(i + needle.count)
            }
            i += 1
        }
        return nil
    }
}
