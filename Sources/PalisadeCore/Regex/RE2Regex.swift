/// A regular expression with RE2 syntax and Go `regexp` semantics:
/// leftmost-first matching over Unicode code points, guaranteed linear time.
///
///     let re = try RE2Regex(#"(?P<user>\w+)@(\w+)\.com"#)
///     re.matches("bob@example.com")                       // true
///     re.replaceAll(in: "bob@example.com", with: "${user} at $2")
///
/// Positions are UTF-8 byte offsets internally (as in Go) and `String.Index`
/// ranges in the `String`-based API. Values are immutable and `Sendable`.
public struct RE2Regex: Sendable {
    /// The source text of the expression.
    public let pattern: String
    /// Names of the capture groups, index 0 being the whole match; unnamed
    /// groups have an empty name (Go's `SubexpNames`).
    public let captureNames: [String]
    let program: RegexProgram

    /// Compiles `pattern`, throwing Go's parse error when RE2 rejects it.
    public init(_ pattern: String) throws(RE2Error) {
        var parser = RegexParser(pattern)
        defer { RegexNode.dismantle(parser.stack) }
        let tree = try parser.parse()
        var names = Array(repeating: "", count: parser.numCap + 1)
        Self.collectNames(tree, into: &names)
        self.pattern = pattern
        self.captureNames = names
        self.program = RegexCompiler.compile(tree)
    }

    /// Whether `pattern` parses as an RE2 expression (Go's `syntax.Parse`).
    public static func isValid(_ pattern: String) -> Bool {
        var parser = RegexParser(pattern)
        defer { RegexNode.dismantle(parser.stack) }
        return (try? parser.parse()) != nil
    }

    /// The number of capture groups, not counting the whole match.
    public var captureCount: Int { captureNames.count - 1 }

    /// Index of the first group named `name`, or nil.
    public func captureIndex(named name: String) -> Int? {
        guard !name.isEmpty else { return nil }
        return captureNames.firstIndex(of: name)
    }

    private static func collectNames(_ node: RegexNode, into names: inout [String]) {
        var pending = [node]
        while let next = pending.popLast() {
            if next.op == .capture, let name = next.name, next.cap < names.count { names[next.cap] = name }
            pending.append(contentsOf: next.subs)
        }
    }

    // MARK: Byte-offset API

    /// Capture offsets (2 per group, -1 when unset) of the first match at or after `offset`.
    func execute(_ bytes: [UInt8], from offset: Int = 0, machine: RegexPikeVM? = nil) -> [Int]? {
        let vm = machine ?? RegexPikeVM(program: program, input: bytes)
        return vm.search(from: offset, ncap: 2 * (captureCount + 1))
    }

    /// Go's `allMatches`: successive non-overlapping matches, skipping an
    /// empty match right after the previous match. `limit < 0` means all.
    func allMatchOffsets(_ bytes: [UInt8], limit: Int = -1, ncap: Int? = nil) -> [[Int]] {
        let limit = limit < 0 ? bytes.count + 1 : limit
        let vm = RegexPikeVM(program: program, input: bytes)
        let slots = ncap ?? 2 * (captureCount + 1)
        var result: [[Int]] = []
        var pos = 0
        var prevMatchEnd = -1
        while result.count < limit && pos <= bytes.count {
            guard let m = vm.search(from: pos, ncap: slots) else { break }
            var accept = true
            if m[1] == pos {
                if m[0] == prevMatchEnd { accept = false }
                pos += pos < bytes.count ? RegexUTF8.decode(bytes, at: pos).1 : 1
            } else {
                pos = m[1]
            }
            prevMatchEnd = m[1]
            if accept { result.append(m) }
        }
        return result
    }

    // MARK: String API

    /// Whether the expression matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return RegexPikeVM(program: program, input: bytes).search(from: 0, ncap: 0) != nil
    }

    /// The ranges of the first match and its groups (nil for groups that did
    /// not participate), or nil when there is no match.
    public func firstMatch(in text: String) -> [Range<String.Index>?]? {
        let bytes = Array(text.utf8)
        return execute(bytes).map { Self.ranges($0, in: text) }
    }

    /// Up to `limit` (all when negative) successive matches with their groups.
    public func allMatches(in text: String, limit: Int = -1) -> [[Range<String.Index>?]] {
        allMatchOffsets(Array(text.utf8), limit: limit).map { Self.ranges($0, in: text) }
    }

    /// Go's `FindAllStringSubmatch`: matched texts, "" for groups that did not participate.
    public func allMatchStrings(in text: String, limit: Int = -1) -> [[String]] {
        let bytes = Array(text.utf8)
        return allMatchOffsets(bytes, limit: limit).map { m in
            stride(from: 0, to: m.count, by: 2).map { Self.substring(bytes, m[$0], m[$0 + 1]) }
        }
    }

    /// Go's `FindAllString`: the texts of up to `limit` matches.
    public func allMatchedSubstrings(in text: String, limit: Int = -1) -> [String] {
        let bytes = Array(text.utf8)
        return allMatchOffsets(bytes, limit: limit, ncap: 2).map { Self.substring(bytes, $0[0], $0[1]) }
    }

    static func substring(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> String {
        guard lo >= 0, hi >= lo, hi <= bytes.count else { return "" }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    static func ranges(_ offsets: [Int], in text: String) -> [Range<String.Index>?] {
        let utf8 = text.utf8
        return stride(from: 0, to: offsets.count, by: 2).map { k in
            let lo = offsets[k], hi = offsets[k + 1]
            guard lo >= 0, hi >= lo else { return nil }
            let start = utf8.index(utf8.startIndex, offsetBy: lo)
            let end = utf8.index(start, offsetBy: hi - lo)
            return start..<end
        }
    }
}
