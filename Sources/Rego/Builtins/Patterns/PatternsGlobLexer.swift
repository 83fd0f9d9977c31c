/// gobwas' lexer: a token stream with one-rune lookahead and pushback.
struct PatternsGlobLexer {
    enum Token: Equatable {
        case eof, text([Unicode.Scalar]), any, superAny, single, not, separator
        case rangeOpen, rangeClose, rangeLo(Unicode.Scalar), rangeHi(Unicode.Scalar), rangeBetween
        case termsOpen, termsClose
        case error(String)
    }

    private let scalars: [Unicode.Scalar]
    private var pos = 0
    private var pending: [Token] = []
    private var termsLevel = 0
    private var failure: String?

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func next() -> Token {
        while true {
            if let failure { return .error(failure) }
            if !pending.isEmpty { return pending.removeFirst() }
            fetchItem()
        }
    }

    private mutating func read() -> Unicode.Scalar? {
        guard pos < scalars.count else { return nil }
        pos += 1
        return scalars[pos - 1]
    }

    private mutating func fetchItem() {
        guard let r = read() else {
            pending.append(.eof)
            return
        }
        switch r {
        case "{":
            termsLevel += 1
            pending.append(.termsOpen)
        case "," where termsLevel > 0:
            pending.append(.separator)
        case "}" where termsLevel > 0:
            pending.append(.termsClose)
            termsLevel -= 1
        case "[":
            pending.append(.rangeOpen)
            fetchRange()
        case "?":
            pending.append(.single)
        case "*":
            if pos < scalars.count && scalars[pos] == "*" {
                pos += 1
                pending.append(.superAny)
            } else {
                pending.append(.any)
            }
        default:
            pos -= 1
            fetchText(breakers: termsLevel > 0 ? ["?", "*", "[", "{", "}", ","] : ["?", "*", "[", "{"])
        }
    }

    private mutating func fetchRange() {
        var wantHi = false, wantClose = false, seenNot = false
        while true {
            guard let r = read() else {
                failure = "unexpected end of input"
                return
            }
            if wantClose {
                if r == "]" { pending.append(.rangeClose) } else { failure = "expected close range character" }
                return
            }
            if wantHi {
                pending.append(.rangeHi(r))
                wantClose = true
                continue
            }
            if !seenNot && r == "!" {
                pending.append(.not)
                seenNot = true
                continue
            }
            if pos < scalars.count && scalars[pos] == "-" {
                pos += 1
                pending.append(.rangeLo(r))
                pending.append(.rangeBetween)
                wantHi = true
                continue
            }
            pos -= 1
            fetchText(breakers: ["]"])
            wantClose = true
        }
    }

    private mutating func fetchText(breakers: [Unicode.Scalar]) {
        var data: [Unicode.Scalar] = []
        var escaped = false
        while let r = read() {
            if !escaped {
                if r == "\\" {
                    escaped = true
                    continue
                }
                if breakers.contains(r) {
                    pos -= 1
                    break
                }
            }
            escaped = false
            data.append(r)
        }
        if !data.isEmpty { pending.append(.text(data)) }
    }
}
