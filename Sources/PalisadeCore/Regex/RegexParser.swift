/// Parses RE2 syntax (Go's regexp/syntax with the `Perl` flags) into a
/// `RegexNode` tree. It follows Go's stack-based parser so that accepted
/// syntax and error messages match, and it never recurses on the input.
struct RegexParser {
    static let maxRepeat = 1000
    static let maxHeight = 1000
    /// Go's limit: 128 MB of 40-byte instructions.
    static let maxSize = (128 << 20) / 40
    static let maxRunes = (128 << 20) / 4

    let bytes: [UInt8]
    let whole: String
    var flags: RegexFlags
    var stack: [RegexNode] = []
    var numCap = 0
    var numRunes = 0

    init(_ pattern: String, flags: RegexFlags = .perl) {
        self.whole = pattern
        self.bytes = Array(pattern.utf8)
        self.flags = flags
    }

    var end: Int { bytes.count }

    func text(_ from: Int, _ to: Int) -> String {
        let lo = Swift.max(0, Swift.min(from, end)), hi = Swift.max(lo, Swift.min(to, end))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// Decodes the rune at `i`; past the end it yields U+FFFD with width 0, as Go does.
    func rune(at i: Int) -> (Int32, Int) {
        guard i < end else { return (0xFFFD, 0) }
        return RegexUTF8.decode(bytes, at: i)
    }

    mutating func parse() throws(RE2Error) -> RegexNode {
        var t = 0
        var lastRepeat = -1
        while t < end {
            var repeatStart = -1
            switch bytes[t] {
            case UInt8(ascii: "("):
                if t + 1 < end && bytes[t + 1] == UInt8(ascii: "?") {
                    t = try parsePerlFlags(t)
                } else {
                    numCap += 1
                    let paren = RegexNode(.leftParen, flags: flags)
                    paren.cap = numCap
                    try push(paren)
                    t += 1
                }
            case UInt8(ascii: "|"):
                try parseVerticalBar()
                t += 1
            case UInt8(ascii: ")"):
                try parseRightParen()
                t += 1
            case UInt8(ascii: "^"):
                try op(flags.contains(.oneLine) ? .beginText : .beginLine)
                t += 1
            case UInt8(ascii: "$"):
                if flags.contains(.oneLine) {
                    try op(.endText).flags.insert(.wasDollar)
                } else {
                    try op(.endLine)
                }
                t += 1
            case UInt8(ascii: "."):
                try op(flags.contains(.dotNL) ? .anyChar : .anyCharNotNL)
                t += 1
            case UInt8(ascii: "["):
                t = try parseClass(t)
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
                let kind: RegexNode.Op = bytes[t] == UInt8(ascii: "*") ? .star : bytes[t] == UInt8(ascii: "+") ? .plus : .quest
                repeatStart = t
                t = try applyRepeat(kind, min: 0, max: 0, before: t, after: t + 1, lastRepeat: lastRepeat)
            case UInt8(ascii: "{"):
                if let (lo, hi, after) = parseRepeatBraces(t) {
                    if lo < 0 || lo > Self.maxRepeat || hi > Self.maxRepeat || (hi >= 0 && lo > hi) {
                        throw RE2Error(.invalidRepeatSize, text(t, after))
                    }
                    repeatStart = t
                    t = try applyRepeat(.repeat, min: lo, max: hi, before: t, after: after, lastRepeat: lastRepeat)
                } else {
                    try literal(Int32(UInt8(ascii: "{")))
                    t += 1
                }
            case UInt8(ascii: "\\"):
                t = try parseBackslash(t)
            default:
                let (c, w) = rune(at: t)
                try literal(c)
                t += w
            }
            lastRepeat = repeatStart
        }
        try concat()
        if swapVerticalBar() { stack.removeLast() }
        try alternate()
        guard stack.count == 1 else { throw RE2Error(.missingParen, whole) }
        return stack[0]
    }

    // MARK: Stack

    mutating func push(_ node: RegexNode) throws(RE2Error) {
        if node.op == .charClass || node.op == .literal { numRunes += node.runes.count }
        stack.append(node)
        try checkLimits(node)
    }

    func checkLimits(_ node: RegexNode) throws(RE2Error) {
        if numRunes > Self.maxRunes || node.size > Self.maxSize { throw RE2Error(.large, whole) }
        if node.height > Self.maxHeight { throw RE2Error(.nestingDepth, whole) }
    }

    @discardableResult
    mutating func op(_ kind: RegexNode.Op) throws(RE2Error) -> RegexNode {
        let node = RegexNode(kind, flags: flags)
        try push(node)
        return node
    }

    mutating func literal(_ r: Int32) throws(RE2Error) {
        let node = RegexNode(.literal, flags: flags)
        node.runes = [flags.contains(.foldCase) ? RegexCaseFolding.minFoldRune(r) : r]
        node.updateMetrics()
        try push(node)
    }

    /// Replaces the top of the stack with a repetition of it.
    mutating func applyRepeat(_ kind: RegexNode.Op, min lo: Int, max hi: Int, before: Int, after: Int, lastRepeat: Int) throws(RE2Error) -> Int {
        var after = after
        var nodeFlags = flags
        if after < end && bytes[after] == UInt8(ascii: "?") {
            after += 1
            nodeFlags.formSymmetricDifference(.nonGreedy)
        }
        if lastRepeat >= 0 {
            // Perl forbids stacked repetition operators like a** or a++.
            throw RE2Error(.invalidRepeatOp, text(lastRepeat, after))
        }
        guard let sub = stack.last, !sub.isPseudo else {
            throw RE2Error(.missingRepeatArgument, text(before, after))
        }
        let node = RegexNode(kind, flags: nodeFlags)
        node.min = lo
        node.max = hi
        node.subs = [sub]
        node.updateMetrics()
        stack[stack.count - 1] = node
        try checkLimits(node)
        if kind == .repeat && (lo >= 2 || hi >= 2) && !Self.repeatIsValid(node, Self.maxRepeat) {
            throw RE2Error(.invalidRepeatSize, text(before, after))
        }
        return after
    }

    /// Whether nested counted repetitions stay within `n` copies of the innermost expression.
    static func repeatIsValid(_ node: RegexNode, _ n: Int) -> Bool {
        var pending = [(node, n)]
        while let (next, budget) = pending.popLast() {
            var budget = budget
            if next.op == .repeat {
                var m = next.max
                if m == 0 { continue }
                if m < 0 { m = next.min }
                if m > budget { return false }
                if m > 0 { budget /= m }
            }
            pending.append(contentsOf: next.subs.map { ($0, budget) })
        }
        return true
    }

    /// Index just above the topmost `(` or `|` marker.
    private func topMarkerBoundary() -> Int {
        var i = stack.count
        while i > 0 && !stack[i - 1].isPseudo { i -= 1 }
        return i
    }

    /// Replaces the items above the topmost marker with their concatenation.
    mutating func concat() throws(RE2Error) {
        let i = topMarkerBoundary()
        let subs = Array(stack[i...])
        stack.removeSubrange(i...)
        let node = subs.isEmpty ? RegexNode(.emptyMatch, flags: flags) : collapse(subs, .concat)
        stack.append(node)
        try checkLimits(node)
    }

    /// Replaces the items above the topmost `(` with their alternation.
    mutating func alternate() throws(RE2Error) {
        let i = topMarkerBoundary()
        let subs = Array(stack[i...])
        stack.removeSubrange(i...)
        let node = subs.isEmpty ? RegexNode(.noMatch, flags: flags) : collapse(subs, .alternate)
        stack.append(node)
        try checkLimits(node)
    }

    /// Applies `kind` to `subs`, flattening nested nodes of the same kind.
    func collapse(_ subs: [RegexNode], _ kind: RegexNode.Op) -> RegexNode {
        if subs.count == 1 { return subs[0] }
        let node = RegexNode(kind, flags: flags)
        for sub in subs {
            if sub.op == kind { node.subs.append(contentsOf: sub.subs) } else { node.subs.append(sub) }
        }
        node.updateMetrics()
        return node
    }

    mutating func parseVerticalBar() throws(RE2Error) {
        try concat()
        if !swapVerticalBar() { try op(.verticalBar) }
    }

    /// If the top of the stack is an expression above a `|`, swaps the two.
    mutating func swapVerticalBar() -> Bool {
        let n = stack.count
        guard n >= 2, stack[n - 2].op == .verticalBar else { return false }
        stack.swapAt(n - 1, n - 2)
        return true
    }

    mutating func parseRightParen() throws(RE2Error) {
        try concat()
        if swapVerticalBar() { stack.removeLast() }
        try alternate()
        guard stack.count >= 2 else { throw RE2Error(.unexpectedParen, whole) }
        guard stack[stack.count - 2].op == .leftParen else { throw RE2Error(.unexpectedParen, whole) }
        let inner = stack.removeLast()
        let paren = stack.removeLast()
        flags = paren.flags
        if paren.cap == 0 {
            try push(inner)
        } else {
            paren.op = .capture
            paren.subs = [inner]
            paren.updateMetrics()
            try push(paren)
        }
    }
}
