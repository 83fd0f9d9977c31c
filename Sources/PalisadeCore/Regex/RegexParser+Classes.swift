/// Character classes: `[...]`, `\d`-style Perl classes, `[:alpha:]` POSIX
/// classes and `\p{...}` Unicode classes.
extension RegexParser {
    /// A fixed ASCII class and whether it is negated.
    typealias Group = (negated: Bool, ranges: RegexRuneRanges)

    static let perlGroups: [UInt8: Group] = {
        let digit = RegexRuneRanges(pairs: [0x30, 0x39])
        let space = RegexRuneRanges(pairs: [0x09, 0x0A, 0x0C, 0x0D, 0x20, 0x20])
        let word = RegexRuneRanges(pairs: [0x30, 0x39, 0x41, 0x5A, 0x5F, 0x5F, 0x61, 0x7A])
        return [
            UInt8(ascii: "d"): (false, digit), UInt8(ascii: "D"): (true, digit),
            UInt8(ascii: "s"): (false, space), UInt8(ascii: "S"): (true, space),
            UInt8(ascii: "w"): (false, word), UInt8(ascii: "W"): (true, word),
        ]
    }()

    static let posixGroups: [String: RegexRuneRanges] = [
        "alnum": RegexRuneRanges(pairs: [0x30, 0x39, 0x41, 0x5A, 0x61, 0x7A]),
        "alpha": RegexRuneRanges(pairs: [0x41, 0x5A, 0x61, 0x7A]),
        "ascii": RegexRuneRanges(pairs: [0x00, 0x7F]),
        "blank": RegexRuneRanges(pairs: [0x09, 0x09, 0x20, 0x20]),
        "cntrl": RegexRuneRanges(pairs: [0x00, 0x1F, 0x7F, 0x7F]),
        "digit": RegexRuneRanges(pairs: [0x30, 0x39]),
        "graph": RegexRuneRanges(pairs: [0x21, 0x7E]),
        "lower": RegexRuneRanges(pairs: [0x61, 0x7A]),
        "print": RegexRuneRanges(pairs: [0x20, 0x7E]),
        "punct": RegexRuneRanges(pairs: [0x21, 0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B, 0x7E]),
        "space": RegexRuneRanges(pairs: [0x09, 0x0D, 0x20, 0x20]),
        "upper": RegexRuneRanges(pairs: [0x41, 0x5A]),
        "word": RegexRuneRanges(pairs: [0x30, 0x39, 0x41, 0x5A, 0x5F, 0x5F, 0x61, 0x7A]),
        "xdigit": RegexRuneRanges(pairs: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66]),
    ]

    /// Parses `[...]` at `s` and pushes it; returns the index after `]`.
    mutating func parseClass(_ s: Int) throws(RE2Error) -> Int {
        var t = s + 1
        var negated = false
        var ranges = RegexRuneRanges()
        if t < end && bytes[t] == UInt8(ascii: "^") {
            negated = true
            t += 1
            // Without ClassNL a negated class must not match \n, so add it before negating.
            if !flags.contains(.classNL) { ranges.append(0x0A, 0x0A) }
        }
        var first = true // `]` is literal as the first character
        while t >= end || bytes[t] != UInt8(ascii: "]") || first {
            first = false
            if end - t > 2 && bytes[t] == UInt8(ascii: "[") && bytes[t + 1] == UInt8(ascii: ":") {
                if let (group, rest) = try parseNamedClass(t) {
                    appendGroup(&ranges, group)
                    t = rest
                    continue
                }
            }
            if let (unicode, rest) = try parseUnicodeClass(t) ?? parsePerlClassEscape(t) {
                ranges.append(contentsOf: unicode)
                t = rest
                continue
            }
            let rangeStart = t
            let (lo, afterLo) = try parseClassChar(t, classStart: s)
            t = afterLo
            var hi = lo
            // [a-] means a or -, so a range needs something other than ] after the dash.
            if end - t >= 2 && bytes[t] == UInt8(ascii: "-") && bytes[t + 1] != UInt8(ascii: "]") {
                let (value, afterHi) = try parseClassChar(t + 1, classStart: s)
                t = afterHi
                hi = value
                if hi < lo { throw RE2Error(.invalidCharRange, text(rangeStart, t)) }
            }
            if flags.contains(.foldCase) { ranges.appendFolded(lo, hi) } else { ranges.append(lo, hi) }
        }
        ranges.clean()
        if negated { ranges = ranges.negated() }
        let node = RegexNode(.charClass, flags: flags)
        node.runes = ranges.pairs
        try push(node)
        return t + 1
    }

    private func parseClassChar(_ t: Int, classStart: Int) throws(RE2Error) -> (Int32, Int) {
        guard t < end else { throw RE2Error(.missingBracket, text(classStart, end)) }
        if bytes[t] == UInt8(ascii: "\\") { return try parseEscape(t) }
        let (c, w) = rune(at: t)
        return (c, t + w)
    }

    /// `[:alpha:]` or `[:^alpha:]` at `s`; nil when there is no `:]` at all.
    private func parseNamedClass(_ s: Int) throws(RE2Error) -> (Group, Int)? {
        var i = s + 2
        var close: Int?
        while i + 1 < end {
            if bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == UInt8(ascii: "]") {
                close = i
                break
            }
            i += 1
        }
        guard let close else { return nil }
        let full = text(s, close + 2)
        var name = text(s + 2, close)
        var negated = false
        if name.hasPrefix("^") {
            negated = true
            name.removeFirst()
        }
        guard let ranges = Self.posixGroups[name] else { throw RE2Error(.invalidCharRange, full) }
        return ((negated, ranges), close + 2)
    }

    /// `\d`, `\s`, `\w` and their negations at `s`.
    func parsePerlClassEscape(_ s: Int) -> (RegexRuneRanges, Int)? {
        guard s + 1 < end, bytes[s] == UInt8(ascii: "\\"), let group = Self.perlGroups[bytes[s + 1]] else { return nil }
        var ranges = RegexRuneRanges()
        appendGroup(&ranges, group)
        return (ranges, s + 2)
    }

    private func appendGroup(_ ranges: inout RegexRuneRanges, _ group: Group) {
        var source = group.ranges
        if flags.contains(.foldCase) {
            var folded = RegexRuneRanges()
            folded.appendFolded(contentsOf: group.ranges)
            folded.clean()
            source = folded
        }
        if group.negated { ranges.append(negationOf: source) } else { ranges.append(contentsOf: source) }
    }

    /// `\pL`, `\p{Greek}`, `\PL`, `\p{^Greek}` at `s`; nil when `s` is not `\p` or `\P`.
    func parseUnicodeClass(_ s: Int) throws(RE2Error) -> (RegexRuneRanges, Int)? {
        guard flags.contains(.unicodeGroups), s + 1 < end, bytes[s] == UInt8(ascii: "\\"),
              bytes[s + 1] == UInt8(ascii: "p") || bytes[s + 1] == UInt8(ascii: "P") else { return nil }
        var negate = bytes[s + 1] == UInt8(ascii: "P")
        let (c, w) = rune(at: s + 2)
        let seq: String
        var name: String
        let rest: Int
        if c != 0x7B {
            rest = s + 2 + w
            seq = text(s, rest)
            name = text(s + 2, rest)
        } else {
            guard let close = bytes[s...].firstIndex(of: UInt8(ascii: "}")) else {
                throw RE2Error(.invalidCharRange, text(s, end))
            }
            rest = close + 1
            seq = text(s, rest)
            name = text(s + 3, close)
        }
        if name.hasPrefix("^") {
            negate.toggle()
            name.removeFirst()
        }
        guard let (table, tableNegated) = RegexUnicodeClasses.table(named: name) else {
            throw RE2Error(.invalidCharRange, seq)
        }
        if tableNegated { negate.toggle() }
        var source = table
        if flags.contains(.foldCase) {
            var folded = table
            folded.appendFolded(contentsOf: table)
            folded.clean()
            source = folded
        }
        var ranges = RegexRuneRanges()
        if negate { ranges.append(negationOf: source) } else { ranges.append(contentsOf: source) }
        return (ranges, rest)
    }
}
