import PalisadeCore
/// A source location as gqlparser reports it: 1-based line and rune column.
struct GraphQLPosition: Sendable, Equatable {
    var line: Int
    var column: Int
    /// The source name; empty for user input, which gqlparser prints as "input".
    var source: String = ""
}

/// Token kinds in gqlparser's order (the order matters only for naming).
enum GraphQLTokenKind: Sendable, Equatable {
    case invalid, eof, bang, dollar, amp, parenL, parenR, spread, colon, equals, at
    case bracketL, bracketR, braceL, braceR, pipe, name, int, float, string, blockString

    /// gqlparser's `Type.String()`, used in parse error messages.
    var text: String {
        switch self {
        case .invalid: return "<Invalid>"
        case .eof: return "<EOF>"
        case .bang: return "!"
        case .dollar: return "$"
        case .amp: return "&"
        case .parenL: return "("
        case .parenR: return ")"
        case .spread: return "..."
        case .colon: return ":"
        case .equals: return "="
        case .at: return "@"
        case .bracketL: return "["
        case .bracketR: return "]"
        case .braceL: return "{"
        case .braceR: return "}"
        case .pipe: return "|"
        case .name: return "Name"
        case .int: return "Int"
        case .float: return "Float"
        case .string: return "String"
        case .blockString: return "BlockString"
        }
    }
}

struct GraphQLToken: Sendable {
    var kind: GraphQLTokenKind
    var value: String
    var position: GraphQLPosition
    /// For `.invalid` tokens: the lexer's own error, raised only when the parser consumes the token.
    var lexError: GraphQLError?

    /// gqlparser's `Token.String()`: the kind, then the quoted value when there is one.
    var text: String {
        value.isEmpty ? kind.text : kind.text + " " + graphQLGoQuote(value)
    }
}

/// An error with gqlparser's message and location.
struct GraphQLError: Error, Sendable {
    var message: String
    var position: GraphQLPosition?

    init(_ message: String, at position: GraphQLPosition?) {
        self.message = message
        self.position = position
    }

    /// gqlerror's `Error()` text: `input:LINE:COL: message`.
    var goText: String {
        let file = position.map { $0.source.isEmpty ? "input" : $0.source } ?? "input"
        guard let position else { return "\(file): \(message)" }
        return "\(file):\(position.line):\(position.column): \(message)"
    }
}

/// Go's `strconv.Quote`: escapes quotes, backslashes and non-printable runes.
func graphQLGoQuote(_ s: String) -> String { GoQuote.quote(s) }

