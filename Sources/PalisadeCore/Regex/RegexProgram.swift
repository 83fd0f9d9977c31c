/// Zero-width assertions, as Go's `syntax.EmptyOp`.
struct RegexEmptyOp: OptionSet, Sendable {
    let rawValue: UInt32

    static let beginLine = RegexEmptyOp(rawValue: 1 << 0)
    static let endLine = RegexEmptyOp(rawValue: 1 << 1)
    static let beginText = RegexEmptyOp(rawValue: 1 << 2)
    static let endText = RegexEmptyOp(rawValue: 1 << 3)
    static let wordBoundary = RegexEmptyOp(rawValue: 1 << 4)
    static let noWordBoundary = RegexEmptyOp(rawValue: 1 << 5)

    /// The assertions that hold between rune `r1` and rune `r2` (-1 at the text edges).
    static func context(_ r1: Int32, _ r2: Int32) -> RegexEmptyOp {
        var op: RegexEmptyOp = .noWordBoundary
        var boundary = false
        if RegexUTF8.isWordChar(r1) {
            boundary = true
        } else if r1 == 0x0A {
            op.insert(.beginLine)
        } else if r1 < 0 {
            op.formUnion([.beginText, .beginLine])
        }
        if RegexUTF8.isWordChar(r2) {
            boundary.toggle()
        } else if r2 == 0x0A {
            op.insert(.endLine)
        } else if r2 < 0 {
            op.formUnion([.endText, .endLine])
        }
        if boundary { op.formSymmetricDifference([.wordBoundary, .noWordBoundary]) }
        return op
    }
}

/// A character class ready for matching, with an ASCII bitmap fast path.
struct RegexRuneClass: Sendable {
    let ranges: RegexRuneRanges
    private let asciiLow: UInt64
    private let asciiHigh: UInt64

    init(_ ranges: RegexRuneRanges) {
        self.ranges = ranges
        var low: UInt64 = 0, high: UInt64 = 0
        for c in Int32(0)..<128 where ranges.contains(c) {
            if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
        }
        asciiLow = low
        asciiHigh = high
    }

    @inline(__always)
    func matches(_ r: Int32) -> Bool {
        if r < 0 { return false }
        if r < 64 { return (asciiLow >> UInt64(r)) & 1 != 0 }
        if r < 128 { return (asciiHigh >> UInt64(r - 64)) & 1 != 0 }
        return ranges.contains(r)
    }
}

struct RegexInst: Sendable {
    enum Op: UInt8, Sendable {
        case fail, alt, capture, emptyWidth, match, nop, rune1, runeClass, runeAny, runeAnyNotNL
    }

    var op: Op
    var out: UInt32 = 0
    /// alt: the lower-priority branch; capture: slot; emptyWidth: assertions; runeClass: class index.
    var arg: UInt32 = 0
    var rune: Int32 = 0

    init(_ op: Op) {
        self.op = op
    }
}

/// A compiled NFA program, as Go's `syntax.Prog`.
struct RegexProgram: Sendable {
    var insts: [RegexInst]
    var classes: [RegexRuneClass]
    var start: Int
    /// Number of capture slots: 2 per group, group 0 included.
    var numCap: Int
    /// UTF-8 bytes every match must begin with (empty when unknown).
    var prefix: [UInt8] = []
    /// True when every match must start at the beginning of the text.
    var anchoredStart = false
    /// True when the start conditions can never hold.
    var neverMatches = false

    /// Skips no-ops and capture marks.
    func skipNop(_ pc: Int) -> Int {
        var pc = pc
        var steps = 0
        while steps < insts.count, insts[pc].op == .nop || insts[pc].op == .capture {
            pc = Int(insts[pc].out)
            steps += 1
        }
        return pc
    }

    mutating func analyze() {
        var pc = skipNop(start)
        var bytes: [UInt8] = []
        while insts[pc].op == .rune1 && insts[pc].rune != 0xFFFD {
            RegexUTF8.encode(insts[pc].rune, into: &bytes)
            pc = skipNop(Int(insts[pc].out))
            if bytes.count > 1 << 16 { break }
        }
        prefix = bytes

        var cond: RegexEmptyOp = []
        pc = start
        var steps = 0
        loop: while steps <= insts.count {
            steps += 1
            let inst = insts[pc]
            switch inst.op {
            case .emptyWidth: cond.formUnion(RegexEmptyOp(rawValue: inst.arg))
            case .fail:
                neverMatches = true
                break loop
            case .capture, .nop: break
            default: break loop
            }
            pc = Int(inst.out)
        }
        anchoredStart = cond.contains(.beginText)
    }
}
