/// Recursive-descent parser for the Calico selector grammar:
/// `||` binds loosest, then `&&`, then `!` (which applies to the single
/// operation after it).
struct CalicoSelectorParser {
    private let text: String
    private let tokens: [(token: CalicoSelectorToken, offset: Int)]
    private var index = 0

    init(_ text: String) throws {
        self.text = text
        tokens = try CalicoSelectorTokenizer.tokens(of: text)
    }

    mutating func parse() throws -> CalicoSelector {
        if current == .end { return .all }
        let selector = try orExpression()
        guard current == .end else { throw fail("unexpected \(describe(current)) after a complete expression") }
        return selector
    }

    private var current: CalicoSelectorToken { tokens[index].token }

    private func fail(_ message: String) -> CalicoSelectorError {
        CalicoSelectorError(message: message, offset: tokens[index].offset, selector: text)
    }

    private mutating func advance() -> CalicoSelectorToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func orExpression() throws -> CalicoSelector {
        var operands = [try andExpression()]
        while current == .or {
            _ = advance()
            operands.append(try andExpression())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func andExpression() throws -> CalicoSelector {
        var operands = [try operation()]
        while current == .and {
            _ = advance()
            operands.append(try operation())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func operation() throws -> CalicoSelector {
        if current == .not {
            _ = advance()
            return .not(try operation())
        }
        let start = index
        switch advance() {
        case .has(let label): return .has(label)
        case .all: return .all
        case .global: return .global
        case .openParen:
            guard current != .closeParen else { throw fail("empty parentheses") }
            let inner = try orExpression()
            guard current == .closeParen else { throw fail("expected ')' but found \(describe(current))") }
            _ = advance()
            return inner
        case .label(let label): return try comparison(label)
        case let other:
            index = start
            throw fail("expected a label, has(), all(), global(), '!' or '(' but found \(describe(other))")
        }
    }

    private mutating func comparison(_ label: String) throws -> CalicoSelector {
        let start = index
        let op = advance()
        switch op {
        case .equals: return .equals(label, try string(after: op))
        case .notEquals: return .notEquals(label, try string(after: op))
        case .contains: return .contains(label, try string(after: op))
        case .startsWith: return .startsWith(label, try string(after: op))
        case .endsWith: return .endsWith(label, try string(after: op))
        case .in: return .inSet(label, try set())
        case .notIn: return .notInSet(label, try set())
        default:
            index = start
            throw fail("expected an operator (==, !=, in, not in, contains, starts with, ends with) after label '\(label)' but found \(describe(op))")
        }
    }

    private mutating func string(after op: CalicoSelectorToken) throws -> String {
        guard case .string(let value) = current else {
            throw fail("expected a quoted string but found \(describe(current))")
        }
        _ = advance()
        return value
    }

    /// `{}`, `{"a"}`, `{"a", "b",}`: sorted and deduplicated.
    private mutating func set() throws -> [String] {
        guard current == .openBrace else { throw fail("expected '{' to start a set of strings but found \(describe(current))") }
        _ = advance()
        var values: Set<String> = []
        while case .string(let value) = current {
            values.insert(value)
            _ = advance()
            guard current == .comma else { break }
            _ = advance()
        }
        guard current == .closeBrace else { throw fail("expected a quoted string or '}' but found \(describe(current))") }
        _ = advance()
        return values.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private func describe(_ token: CalicoSelectorToken) -> String {
        switch token {
        case .label(let l): return "label '\(l)'"
        case .string(let s): return "string \"\(s)\""
        case .equals: return "'=='"
        case .notEquals: return "'!='"
        case .contains: return "'contains'"
        case .startsWith: return "'starts with'"
        case .endsWith: return "'ends with'"
        case .in: return "'in'"
        case .notIn: return "'not in'"
        case .has(let l): return "'has(\(l))'"
        case .all: return "'all()'"
        case .global: return "'global()'"
        case .not: return "'!'"
        case .and: return "'&&'"
        case .or: return "'||'"
        case .openParen: return "'('"
        case .closeParen: return "')'"
        case .openBrace: return "'{'"
        case .closeBrace: return "'}'"
        case .comma: return "','"
        case .end: return "end of input"
        }
    }
}

extension CalicoSelector {
    /// Parses selector text; empty or blank text is `all()`.
    public init(parsing text: String) throws {
        var parser = try CalicoSelectorParser(text)
        self = try parser.parse()
    }
}
