/// gobwas' parser: builds the node list, with `{...}` alternatives nested.
struct PatternsGlobParser {
    private var lexer: PatternsGlobLexer

    init(_ pattern: String) {
        lexer = PatternsGlobLexer(pattern)
    }

    /// Alternatives under construction: each level holds finished
    /// alternatives and the one being built.
    private struct Level {
        var alternatives: [[PatternsGlob.Node]] = []
        var current: [PatternsGlob.Node] = []
    }

    mutating func parse() throws -> [PatternsGlob.Node] {
        var levels = [Level()]
        while true {
            let token = lexer.next()
            switch token {
            case .eof:
                while levels.count > 1 { closeLevel(&levels) }
                return levels[0].current
            case .error(let message):
                throw PatternsGlob.SyntaxError(message: message)
            case .text(let scalars):
                levels[levels.count - 1].current.append(.text(scalars))
            case .any:
                levels[levels.count - 1].current.append(.any)
            case .superAny:
                levels[levels.count - 1].current.append(.superAny)
            case .single:
                levels[levels.count - 1].current.append(.single)
            case .rangeOpen:
                levels[levels.count - 1].current.append(try parseRange())
            case .termsOpen:
                guard levels.count <= PatternsGlob.maxNesting else {
                    throw PatternsGlob.SyntaxError(message: "pattern nests too deeply")
                }
                levels.append(Level())
            case .separator:
                let finished = levels[levels.count - 1].current
                levels[levels.count - 1].alternatives.append(finished)
                levels[levels.count - 1].current = []
            case .termsClose:
                closeLevel(&levels)
            default:
                throw PatternsGlob.SyntaxError(message: "unexpected token: \(token)")
            }
        }
    }

    /// Ends the innermost `{...}` and appends it to its parent as one node.
    private func closeLevel(_ levels: inout [Level]) {
        guard levels.count > 1, let level = levels.popLast() else { return }
        levels[levels.count - 1].current.append(.anyOf(level.alternatives + [level.current]))
    }

    private mutating func parseRange() throws -> PatternsGlob.Node {
        var negated = false
        var lo: Unicode.Scalar?
        var hi: Unicode.Scalar?
        var chars: [Unicode.Scalar] = []
        while true {
            switch lexer.next() {
            case .eof:
                throw PatternsGlob.SyntaxError(message: "unexpected end")
            case .error(let message):
                throw PatternsGlob.SyntaxError(message: message)
            case .not:
                negated = true
            case .rangeLo(let r):
                lo = r
            case .rangeHi(let r):
                hi = r
                if let lo, r < lo {
                    throw PatternsGlob.SyntaxError(message: "hi character '\(r)' should be greater than lo '\(lo)'")
                }
            case .text(let scalars):
                chars = scalars
            case .rangeClose:
                // A range needs non-NUL bounds, a list needs characters, and not both.
                let isRange = lo.map { $0 != "\u{0}" } == true && hi.map { $0 != "\u{0}" } == true
                if isRange == !chars.isEmpty { throw PatternsGlob.SyntaxError(message: "could not parse range") }
                if isRange, let lo, let hi { return .range(lo, hi, negated: negated) }
                return .list(chars, negated: negated)
            default:
                break
            }
        }
    }
}
