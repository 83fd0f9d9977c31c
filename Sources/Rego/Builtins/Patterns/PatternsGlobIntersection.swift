import PalisadeCore

/// regex.globs_match: whether two globs of github.com/yashtewari/glob-intersection
/// syntax share a matching string. That syntax is a regex subset: `.` any
/// character, `[a-z0-9]` sets, `\` escapes, and `*` / `+` after a token.
extension PatternBuiltins {
    /// Bound on the product automaton (tokens of one glob times tokens of the other).
    static let maxGlobIntersectionStates = 1 << 22

    static let globsMatch = Builtin("regex.globs_match", arity: 2) { args, _ in
        let first = try args.string(0)
        let second = try args.string(1)
        do {
            let a = try PatternsIntersectionGlob(first)
            let b = try PatternsIntersectionGlob(second)
            guard (a.tokens.count + 1) * (b.tokens.count + 1) <= maxGlobIntersectionStates else {
                throw args.failure("globs too large")
            }
            return .bool(a.intersects(b))
        } catch let error as PatternsIntersectionGlob.SyntaxError {
            throw args.failure(error.message)
        }
    }
}

struct PatternsIntersectionGlob {
    enum Symbol {
        case character(Unicode.Scalar)
        case dot
        case set(Set<Unicode.Scalar>)

        /// Whether some character matches both (glob-intersection's `Match`;
        /// a dot meets any set, even an empty one).
        func meets(_ other: Symbol) -> Bool {
            switch (self, other) {
            case (.dot, _), (_, .dot): return true
            case (.character(let a), .character(let b)): return a == b
            case (.character(let c), .set(let s)), (.set(let s), .character(let c)): return s.contains(c)
            case (.set(let a), .set(let b)): return !a.isDisjoint(with: b)
            }
        }
    }

    struct Token {
        let symbol: Symbol
        /// Repeats zero or more times (a `+` is expanded into x x*).
        let star: Bool
    }

    struct SyntaxError: Error {
        let message: String

        init(_ position: Int, _ text: String) {
            message = "pos:\(position):\(text): the input provided is invalid"
        }
    }

    private(set) var tokens: [Token] = []

    init(_ glob: String) throws {
        let input = Array(glob.unicodeScalars)
        var i = 0
        var last: (symbol: Symbol, flagged: Bool)?
        var pending: [Token] = []
        func flush() {
            if let last, !last.flagged { pending.append(Token(symbol: last.symbol, star: false)) }
        }
        while i < input.count {
            let c = input[i]
            i += 1
            switch c {
            case "*", "+":
                guard let previous = last, !previous.flagged else {
                    throw SyntaxError(i, "flag '\(c)' must be preceded by a non-flag")
                }
                if c == "+" { pending.append(Token(symbol: previous.symbol, star: false)) }
                pending.append(Token(symbol: previous.symbol, star: true))
                last = (previous.symbol, true)
                continue
            case "\\":
                guard i < input.count else { throw SyntaxError(i - 1, "input ends with a \\ (escape) character") }
                flush()
                last = (.character(input[i]), false)
                i += 1
            case ".":
                flush()
                last = (.dot, false)
            case "[":
                flush()
                let (set, next) = try Self.parseSet(input, from: i)
                last = (.set(set), false)
                i = next
            case "]":
                throw SyntaxError(i, "set-close ']' with no preceding '['")
            default:
                flush()
                last = (.character(c), false)
            }
        }
        flush()
        tokens = pending
    }

    private static func parseSet(_ input: [Unicode.Scalar], from start: Int) throws -> (Set<Unicode.Scalar>, Int) {
        var set = Set<Unicode.Scalar>()
        var previous: Unicode.Scalar?
        var i = start
        while i < input.count {
            var c = input[i]
            i += 1
            if c == "\\" {
                guard i < input.count else { throw SyntaxError(i - 1, "input ends with a \\ (escape) character") }
                c = input[i]
                i += 1
            } else if c == "]" {
                return (set, i)
            } else if c == "-" {
                guard let lo = previous else {
                    throw SyntaxError(i, "range character '-' must be preceded by a Unicode character")
                }
                guard i < input.count else {
                    throw SyntaxError(i, "range character '-' must be followed by a Unicode character")
                }
                var hi = input[i]
                i += 1
                if hi == "\\" && i < input.count {
                    hi = input[i]
                    i += 1
                } else if hi == "]" || hi == "-" {
                    throw SyntaxError(i, "range character '-' cannot be followed by a special symbol")
                }
                guard lo <= hi else { throw SyntaxError(i, "range is out of order: '\(hi)' comes before '\(lo)' in Unicode") }
                guard hi.value - lo.value <= 0x10000 else { throw SyntaxError(i, "range is too large") }
                for v in lo.value...hi.value {
                    if let scalar = Unicode.Scalar(v) { set.insert(scalar) }
                }
                previous = nil
                continue
            }
            set.insert(c)
            previous = c
        }
        throw SyntaxError(i, "found [ without matching ]")
    }

    /// Whether some string matches both globs: a search of the product automaton,
    /// whose states are pairs of token positions.
    func intersects(_ other: PatternsIntersectionGlob) -> Bool {
        let a = tokens, b = other.tokens
        let width = b.count + 1
        var seen = Set<Int>()
        var queue = [0]
        seen.insert(0)
        while let state = queue.popLast() {
            let i = state / width, j = state % width
            if i == a.count && j == b.count { return true }
            var successors: [(Int, Int)] = []
            if i < a.count && a[i].star { successors.append((i + 1, j)) }
            if j < b.count && b[j].star { successors.append((i, j + 1)) }
            if i < a.count && j < b.count && a[i].symbol.meets(b[j].symbol) {
                successors.append((a[i].star ? i : i + 1, b[j].star ? j : j + 1))
            }
            for (ni, nj) in successors where seen.insert(ni * width + nj).inserted {
                queue.append(ni * width + nj)
            }
        }
        return false
    }
}
