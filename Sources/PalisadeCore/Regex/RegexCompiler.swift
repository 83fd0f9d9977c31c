/// Compiles a parse tree into an NFA program (Thompson construction, as
/// Go's regexp/syntax compiler). Counted repetitions are expanded here, the
/// way Go's `Simplify` does, without building the expanded tree.
struct RegexCompiler {
    /// Dangling exits of a fragment, threaded through the `out`/`arg` fields
    /// they will be patched into: `inst << 1 | (0 = out, 1 = arg)`, 0 = none.
    struct PatchList {
        var head: UInt32 = 0
        var tail: UInt32 = 0

        init() {}
        init(_ l: UInt32) { head = l; tail = l }
    }

    struct Frag {
        var i: UInt32
        var out: PatchList
        /// Whether the fragment can match the empty string.
        var nullable: Bool
    }

    private var insts: [RegexInst] = [RegexInst(.fail)]
    private var classes: [RegexRuneClass] = []
    private var classIndex: [ObjectIdentifier: UInt32] = [:]
    private var foldClassIndex: [Int32: UInt32] = [:]
    private var numCap = 2

    static func compile(_ root: RegexNode) -> RegexProgram {
        var compiler = RegexCompiler()
        let f = compiler.compileTree(root)
        let match = compiler.inst(.match)
        compiler.patch(f.out, match.i)
        var program = RegexProgram(insts: compiler.insts, classes: compiler.classes, start: Int(f.i), numCap: compiler.numCap)
        program.analyze()
        return program
    }

    private enum Work {
        case visit(RegexNode)
        case combine(RegexNode, parts: Int)
    }

    /// Compiles children before parents with an explicit stack, so deep
    /// trees cannot exhaust the thread's stack.
    private mutating func compileTree(_ root: RegexNode) -> Frag {
        var work: [Work] = [.visit(root)]
        var frags: [Frag] = []
        while let item = work.popLast() {
            switch item {
            case .visit(let node):
                let children = Self.parts(of: node)
                if children.isEmpty {
                    frags.append(leaf(node))
                } else {
                    work.append(.combine(node, parts: children.count))
                    work.append(contentsOf: children.reversed().map { Work.visit($0) })
                }
            case .combine(let node, let count):
                let parts = Array(frags.suffix(count))
                frags.removeLast(count)
                frags.append(combine(node, parts))
            }
        }
        return frags.last ?? fail()
    }

    /// The subexpressions to compile for `node`, one entry per copy needed.
    private static func parts(of node: RegexNode) -> [RegexNode] {
        switch node.op {
        case .capture, .star, .plus, .quest, .concat, .alternate:
            return node.subs
        case .repeat:
            guard let sub = node.subs.first, sub.op != .emptyMatch, node.min != 0 || node.max != 0 else { return [] }
            let copies = node.max == -1 ? max(node.min, 1) : node.max
            return Array(repeating: sub, count: copies)
        default:
            return []
        }
    }

    /// Nodes without compiled children.
    private mutating func leaf(_ node: RegexNode) -> Frag {
        switch node.op {
        case .literal:
            var f: Frag?
            for r in node.runes {
                let f1 = literalRune(r, fold: node.flags.contains(.foldCase))
                f = f.map { cat($0, f1) } ?? f1
            }
            return f ?? nop()
        case .charClass: return classRune(node)
        case .anyCharNotNL: return runeInst(.runeAnyNotNL)
        case .anyChar: return runeInst(.runeAny)
        case .beginLine: return empty(.beginLine)
        case .endLine: return empty(.endLine)
        case .beginText: return empty(.beginText)
        case .endText: return empty(.endText)
        case .wordBoundary: return empty(.wordBoundary)
        case .noWordBoundary: return empty(.noWordBoundary)
        case .emptyMatch, .repeat, .concat: return nop()
        case .noMatch, .alternate, .leftParen, .verticalBar, .capture, .star, .plus, .quest: return fail()
        }
    }

    private mutating func combine(_ node: RegexNode, _ parts: [Frag]) -> Frag {
        let nonGreedy = node.flags.contains(.nonGreedy)
        switch node.op {
        case .capture:
            let bra = capture(UInt32(node.cap << 1))
            let ket = capture(UInt32(node.cap << 1 | 1))
            return cat(cat(bra, parts[0]), ket)
        case .star: return star(parts[0], nonGreedy)
        case .plus: return plus(parts[0], nonGreedy)
        case .quest: return quest(parts[0], nonGreedy)
        case .concat: return parts.dropFirst().reduce(parts[0]) { cat($0, $1) }
        case .alternate: return parts.reduce(fail()) { alt($0, $1) }
        case .repeat: return combineRepeat(node, parts, nonGreedy)
        default: return fail()
        }
    }

    /// x{n,m} from m compiled copies of x: n required copies followed by
    /// nested optional ones, xx(x(x)?)?, as Go's `Simplify` writes it.
    private mutating func combineRepeat(_ node: RegexNode, _ parts: [Frag], _ nonGreedy: Bool) -> Frag {
        if node.max == -1 {
            if node.min == 0 { return star(parts[0], nonGreedy) }
            let last = plus(parts[parts.count - 1], nonGreedy)
            return parts.dropLast().reversed().reduce(last) { cat($1, $0) }
        }
        if node.min == 1 && node.max == 1 { return parts[0] }
        var suffix: Frag?
        for f in parts[node.min...].reversed() {
            suffix = quest(suffix.map { cat(f, $0) } ?? f, nonGreedy)
        }
        let required = parts[..<node.min]
        guard let first = required.first else { return suffix ?? fail() }
        let prefix = required.dropFirst().reduce(first) { cat($0, $1) }
        return suffix.map { cat(prefix, $0) } ?? prefix
    }

    // MARK: Instructions

    private mutating func inst(_ op: RegexInst.Op) -> Frag {
        let i = UInt32(insts.count)
        insts.append(RegexInst(op))
        return Frag(i: i, out: PatchList(), nullable: true)
    }

    private func fail() -> Frag {
        Frag(i: 0, out: PatchList(), nullable: false)
    }

    private mutating func nop() -> Frag {
        var f = inst(.nop)
        f.out = PatchList(f.i << 1)
        return f
    }

    private mutating func capture(_ slot: UInt32) -> Frag {
        var f = inst(.capture)
        insts[Int(f.i)].arg = slot
        f.out = PatchList(f.i << 1)
        numCap = max(numCap, Int(slot) + 1)
        return f
    }

    private mutating func empty(_ op: RegexEmptyOp) -> Frag {
        var f = inst(.emptyWidth)
        insts[Int(f.i)].arg = op.rawValue
        f.out = PatchList(f.i << 1)
        return f
    }

    private mutating func runeInst(_ op: RegexInst.Op, rune: Int32 = 0, arg: UInt32 = 0) -> Frag {
        var f = inst(op)
        insts[Int(f.i)].rune = rune
        insts[Int(f.i)].arg = arg
        f.out = PatchList(f.i << 1)
        f.nullable = false
        return f
    }

    private mutating func literalRune(_ r: Int32, fold: Bool) -> Frag {
        guard fold, let orbit = RegexCaseFolding.orbit(of: r) else { return runeInst(.rune1, rune: r) }
        if let index = foldClassIndex[r] { return runeInst(.runeClass, arg: index) }
        var ranges = RegexRuneRanges()
        for member in orbit { ranges.append(member, member) }
        ranges.clean()
        let index = UInt32(classes.count)
        classes.append(RegexRuneClass(ranges))
        foldClassIndex[r] = index
        return runeInst(.runeClass, arg: index)
    }

    private mutating func classRune(_ node: RegexNode) -> Frag {
        let r = node.runes
        if r.count == 2 && r[0] == r[1] { return runeInst(.rune1, rune: r[0]) }
        if r == [0, RegexRuneRanges.maxRune] { return runeInst(.runeAny) }
        if r == [0, 0x09, 0x0B, RegexRuneRanges.maxRune] { return runeInst(.runeAnyNotNL) }
        let key = ObjectIdentifier(node)
        if let index = classIndex[key] { return runeInst(.runeClass, arg: index) }
        let index = UInt32(classes.count)
        classes.append(RegexRuneClass(RegexRuneRanges(pairs: r)))
        classIndex[key] = index
        return runeInst(.runeClass, arg: index)
    }

    // MARK: Fragments

    private mutating func patch(_ l: PatchList, _ value: UInt32) {
        var l = l.head
        while l != 0 {
            let i = Int(l >> 1)
            if l & 1 == 0 {
                l = insts[i].out
                insts[i].out = value
            } else {
                l = insts[i].arg
                insts[i].arg = value
            }
        }
    }

    private mutating func append(_ l1: PatchList, _ l2: PatchList) -> PatchList {
        if l1.head == 0 { return l2 }
        if l2.head == 0 { return l1 }
        let i = Int(l1.tail >> 1)
        if l1.tail & 1 == 0 { insts[i].out = l2.head } else { insts[i].arg = l2.head }
        var l = l1
        l.tail = l2.tail
        return l
    }

    private mutating func cat(_ f1: Frag, _ f2: Frag) -> Frag {
        if f1.i == 0 || f2.i == 0 { return fail() }
        patch(f1.out, f2.i)
        return Frag(i: f1.i, out: f2.out, nullable: f1.nullable && f2.nullable)
    }

    private mutating func alt(_ f1: Frag, _ f2: Frag) -> Frag {
        if f1.i == 0 { return f2 }
        if f2.i == 0 { return f1 }
        var f = inst(.alt)
        insts[Int(f.i)].out = f1.i
        insts[Int(f.i)].arg = f2.i
        f.out = append(f1.out, f2.out)
        f.nullable = f1.nullable || f2.nullable
        return f
    }

    private mutating func quest(_ f1: Frag, _ nonGreedy: Bool) -> Frag {
        var f = inst(.alt)
        if nonGreedy {
            insts[Int(f.i)].arg = f1.i
            f.out = PatchList(f.i << 1)
        } else {
            insts[Int(f.i)].out = f1.i
            f.out = PatchList(f.i << 1 | 1)
        }
        f.out = append(f.out, f1.out)
        return f
    }

    private mutating func loop(_ f1: Frag, _ nonGreedy: Bool) -> Frag {
        var f = inst(.alt)
        if nonGreedy {
            insts[Int(f.i)].arg = f1.i
            f.out = PatchList(f.i << 1)
        } else {
            insts[Int(f.i)].out = f1.i
            f.out = PatchList(f.i << 1 | 1)
        }
        patch(f1.out, f.i)
        return f
    }

    private mutating func plus(_ f1: Frag, _ nonGreedy: Bool) -> Frag {
        Frag(i: f1.i, out: loop(f1, nonGreedy).out, nullable: f1.nullable)
    }

    /// x* where x can match empty is compiled as (x+)? so that match
    /// priorities come out as in Perl (golang.org/issue/46123).
    private mutating func star(_ f1: Frag, _ nonGreedy: Bool) -> Frag {
        if f1.nullable { return quest(plus(f1, nonGreedy), nonGreedy) }
        return loop(f1, nonGreedy)
    }
}
