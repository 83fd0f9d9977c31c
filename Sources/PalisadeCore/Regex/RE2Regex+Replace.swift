/// Replacement, template expansion and splitting, with Go's semantics.
extension RE2Regex {
    /// Go's `ReplaceAllString`: replaces every match with `template`, where
    /// `$1`, `${1}`, `$name`, `${name}` insert groups and `$$` is a dollar.
    public func replaceAll(in text: String, with template: String) -> String {
        replaceAll(in: text, with: template, maxBytes: Int.max) ?? ""
    }

    /// Go's `ReplaceAllLiteralString`: the replacement is inserted verbatim.
    public func replaceAllLiteral(in text: String, with replacement: String) -> String {
        replaceAll(in: text, with: replacement, literal: true, maxBytes: Int.max) ?? ""
    }

    /// As `replaceAll(in:with:)`, but nil once the result would exceed `maxBytes`.
    public func replaceAll(in text: String, with template: String, literal: Bool = false, maxBytes: Int) -> String? {
        let src = Array(text.utf8)
        let tpl = Array(template.utf8)
        let ncap = !literal && tpl.contains(UInt8(ascii: "$")) ? 2 * (captureCount + 1) : 2
        let vm = RegexPikeVM(program: program, input: src)
        var out: [UInt8] = []
        var lastMatchEnd = 0
        var searchPos = 0
        while searchPos <= src.count {
            guard let a = vm.search(from: searchPos, ncap: ncap) else { break }
            out.append(contentsOf: src[lastMatchEnd..<a[0]])
            // No replacement for an empty match right after the previous match.
            if a[1] > lastMatchEnd || a[0] == 0 {
                if literal { out.append(contentsOf: tpl) } else { expand(tpl, src, a, into: &out) }
            }
            if out.count > maxBytes { return nil }
            lastMatchEnd = a[1]
            let width = searchPos < src.count ? RegexUTF8.decode(src, at: searchPos).1 : 0
            if searchPos + width > a[1] {
                searchPos += width
            } else if searchPos + 1 > a[1] {
                searchPos += 1
            } else {
                searchPos = a[1]
            }
        }
        out.append(contentsOf: src[lastMatchEnd...])
        if out.count > maxBytes { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `Expand` for a `$`-template against one match of `text`.
    public func expand(_ template: String, match: [Range<String.Index>?], in text: String) -> String {
        let src = Array(text.utf8)
        var offsets: [Int] = []
        for range in match {
            if let range {
                offsets.append(text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound))
                offsets.append(text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound))
            } else {
                offsets.append(contentsOf: [-1, -1])
            }
        }
        var out: [UInt8] = []
        expand(Array(template.utf8), src, offsets, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func expand(_ template: [UInt8], _ src: [UInt8], _ match: [Int], into out: inout [UInt8]) {
        var t = 0
        while t < template.count {
            guard let dollar = template[t...].firstIndex(of: UInt8(ascii: "$")) else { break }
            out.append(contentsOf: template[t..<dollar])
            t = dollar + 1
            if t < template.count && template[t] == UInt8(ascii: "$") {
                out.append(UInt8(ascii: "$"))
                t += 1
                continue
            }
            guard let (name, number, rest) = Self.extractGroupReference(template, from: t) else {
                out.append(UInt8(ascii: "$"))
                continue
            }
            t = rest
            let participated = { (g: Int) in 2 * g + 1 < match.count && match[2 * g] >= 0 }
            let group = number ?? captureNames.indices.first { captureNames[$0] == name && participated($0) }
            if let g = group, participated(g) {
                out.append(contentsOf: src[match[2 * g]..<match[2 * g + 1]])
            }
        }
        if t < template.count { out.append(contentsOf: template[t...]) }
    }

    /// Parses `name` or `{name}` after a `$`: the name, its number when it
    /// is a decimal without leading zeros, and the index after it.
    static func extractGroupReference(_ s: [UInt8], from start: Int) -> (String, Int?, Int)? {
        var i = start
        guard i < s.count else { return nil }
        let brace = s[i] == UInt8(ascii: "{")
        if brace { i += 1 }
        let nameStart = i
        while i < s.count {
            let (r, w) = RegexUTF8.decode(s, at: i)
            guard r == 0x5F || isLetterOrDigit(r) else { break }
            i += w
        }
        guard i > nameStart else { return nil }
        let nameBytes = s[nameStart..<i]
        if brace {
            guard i < s.count, s[i] == UInt8(ascii: "}") else { return nil }
            i += 1
        }
        var number: Int? = 0
        for b in nameBytes {
            guard let n = number, RegexUTF8.isDigit(b), n < 100_000_000 else {
                number = nil
                break
            }
            number = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        if nameBytes.count > 1 && nameBytes.first == UInt8(ascii: "0") { number = nil }
        return (String(decoding: nameBytes, as: UTF8.self), number, i)
    }

    private static func isLetterOrDigit(_ r: Int32) -> Bool {
        guard let scalar = Unicode.Scalar(UInt32(max(0, r))) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Go's `Regexp.Split`: the substrings between matches; `limit > 0`
    /// returns at most `limit` pieces, 0 returns none, negative all.
    public func split(_ text: String, limit: Int = -1) -> [String] {
        if limit == 0 { return [] }
        if !pattern.isEmpty && text.isEmpty { return [""] }
        let bytes = Array(text.utf8)
        let matches = allMatchOffsets(bytes, limit: limit, ncap: 2)
        var pieces: [String] = []
        var begin = 0
        var end = 0
        for m in matches {
            if limit > 0 && pieces.count == limit - 1 { break }
            end = m[0]
            if m[1] != 0 { pieces.append(Self.substring(bytes, begin, end)) }
            begin = m[1]
        }
        if end != bytes.count { pieces.append(Self.substring(bytes, begin, bytes.count)) }
        return pieces
    }

    /// Go's `regexp.QuoteMeta`: escapes every RE2 metacharacter.
    public static func quoteMeta(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            if #"\.+*?()|[]{}^$"#.unicodeScalars.contains(c) { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
