/// Parse flags, as Go's regexp/syntax `Flags`.
struct RegexFlags: OptionSet, Sendable {
    let rawValue: UInt16

    static let foldCase = RegexFlags(rawValue: 1 << 0)
    static let classNL = RegexFlags(rawValue: 1 << 2)
    static let dotNL = RegexFlags(rawValue: 1 << 3)
    static let oneLine = RegexFlags(rawValue: 1 << 4)
    static let nonGreedy = RegexFlags(rawValue: 1 << 5)
    static let perlX = RegexFlags(rawValue: 1 << 6)
    static let unicodeGroups = RegexFlags(rawValue: 1 << 7)
    static let wasDollar = RegexFlags(rawValue: 1 << 8)

    /// What Go's `regexp.Compile` uses.
    static let perl: RegexFlags = [.classNL, .oneLine, .perlX, .unicodeGroups]

    var inverted: RegexFlags { RegexFlags(rawValue: ~rawValue) }
}

/// A node of the parsed expression tree. Mutable and class-based because the
/// parser rewrites nodes on its stack (as Go's parser does); it never escapes
/// compilation, so it need not be Sendable.
final class RegexNode {
    enum Op: Int {
        case noMatch = 1, emptyMatch, literal, charClass, anyCharNotNL, anyChar
        case beginLine, endLine, beginText, endText, wordBoundary, noWordBoundary
        case capture, star, plus, quest, `repeat`, concat, alternate
        /// Parser-stack markers, never in a finished tree.
        case leftParen = 128, verticalBar
    }

    var op: Op
    var flags: RegexFlags
    /// Literal runes, or class ranges as lo/hi pairs.
    var runes: [Int32] = []
    var subs: [RegexNode] = []
    var min = 0
    var max = 0
    /// Capture index (1-based) for `capture` and capturing `leftParen`.
    var cap = 0
    var name: String?
    /// Tree height and estimated program size, kept for Go's limits.
    var height = 1
    var size = 1

    init(_ op: Op, flags: RegexFlags) {
        self.op = op
        self.flags = flags
    }

    var isPseudo: Bool { op.rawValue >= Op.leftParen.rawValue }

    /// Unlinks a tree bottom-up so that releasing it does not recurse once
    /// per level (trees may be 1000 levels deep).
    static func dismantle(_ roots: [RegexNode]) {
        var nodes = roots
        var i = 0
        while i < nodes.count {
            nodes.append(contentsOf: nodes[i].subs)
            nodes[i].subs = []
            i += 1
        }
    }

    /// Recomputes height and size from the children (Go's calcHeight/calcSize).
    func updateMetrics() {
        height = 1 + (subs.map(\.height).max() ?? 0)
        var s = 0
        switch op {
        case .literal: s = runes.count
        case .capture, .star: s = 2 + (subs.first?.size ?? 0)
        case .plus, .quest: s = 1 + (subs.first?.size ?? 0)
        case .concat: s = subs.reduce(0) { $0 + $1.size }
        case .alternate: s = subs.reduce(0) { $0 + $1.size } + Swift.max(0, subs.count - 1)
        case .repeat:
            let sub = subs.first?.size ?? 0
            if max == -1 {
                s = min == 0 ? 2 + sub : 1 + min * sub
            } else {
                s = max * sub + (max - min)
            }
        default: s = 1
        }
        size = Swift.max(1, s)
    }
}
