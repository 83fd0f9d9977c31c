/// The kinds of Rego tokens. Keywords come last so `isKeyword` is a range check.
enum SyntaxTokenKind: UInt8 {
    case illegal, eof, ident, number, string, rawString
    case templatePart, templateEnd, rawTemplatePart, rawTemplateEnd
    case lbrack, rbrack, lbrace, rbrace, lparen, rparen, comma, colon
    case add, sub, mul, quo, rem, and, or
    case unify, equal, assign, neq, gt, lt, gte, lte, dot, semicolon
    case kwPackage, kwImport, kwAs, kwDefault, kwElse, kwNot, kwSome, kwWith
    case kwNull, kwTrue, kwFalse, kwIn, kwEvery, kwContains, kwIf

    var isKeyword: Bool { rawValue >= SyntaxTokenKind.kwPackage.rawValue }

    var isTemplate: Bool {
        switch self {
        case .templatePart, .templateEnd, .rawTemplatePart, .rawTemplateEnd: return true
        default: return false
        }
    }

    var isTemplateEnd: Bool { self == .templateEnd || self == .rawTemplateEnd }

    /// OPA's name for the token, used in "unexpected X token" messages.
    var name: String {
        switch self {
        case .illegal: return "illegal"
        case .eof: return "eof"
        case .ident: return "identifier"
        case .number: return "number"
        case .string, .rawString: return "string"
        case .templatePart, .rawTemplatePart: return "template-string-part"
        case .templateEnd, .rawTemplateEnd: return "template-string-end"
        case .lbrack: return "["
        case .rbrack: return "]"
        case .lbrace: return "{"
        case .rbrace: return "}"
        case .lparen: return "("
        case .rparen: return ")"
        case .comma: return ","
        case .colon: return ":"
        case .add: return "plus"
        case .sub: return "minus"
        case .mul: return "mul"
        case .quo: return "div"
        case .rem: return "rem"
        case .and: return "and"
        case .or: return "or"
        case .unify: return "eq"
        case .equal: return "equal"
        case .assign: return "assign"
        case .neq: return "neq"
        case .gt: return "gt"
        case .lt: return "lt"
        case .gte: return "gte"
        case .lte: return "lte"
        case .dot: return "."
        case .semicolon: return ";"
        case .kwPackage: return "package"
        case .kwImport: return "import"
        case .kwAs: return "as"
        case .kwDefault: return "default"
        case .kwElse: return "else"
        case .kwNot: return "not"
        case .kwSome: return "some"
        case .kwWith: return "with"
        case .kwNull: return "null"
        case .kwTrue: return "true"
        case .kwFalse: return "false"
        case .kwIn: return "in"
        case .kwEvery: return "every"
        case .kwContains: return "contains"
        case .kwIf: return "if"
        }
    }

    /// The builtin operator name and binding level of an infix operator
    /// (higher binds tighter), or nil.
    var infixOperator: (name: String, level: Int)? {
        switch self {
        case .equal: return ("equal", 2)
        case .neq: return ("neq", 2)
        case .lt: return ("lt", 2)
        case .gt: return ("gt", 2)
        case .lte: return ("lte", 2)
        case .gte: return ("gte", 2)
        case .or: return ("or", 3)
        case .and: return ("and", 4)
        case .add: return ("plus", 5)
        case .sub: return ("minus", 5)
        case .mul: return ("mul", 6)
        case .quo: return ("div", 6)
        case .rem: return ("rem", 6)
        default: return nil
        }
    }
}

/// Errors the scanner attaches to an illegal token.
enum SyntaxLexError: UInt8 {
    case bang, dollar, fraction, exponent, numberFormat, unterminatedString, escape, nullCharacter, byteOrderMark

    var message: String {
        switch self {
        case .bang: return "illegal ! character"
        case .dollar: return "illegal $ character"
        case .fraction: return "expected fraction"
        case .exponent: return "expected exponent"
        case .numberFormat: return "illegal number format"
        case .unterminatedString: return "non-terminated string"
        case .escape: return "illegal escape sequence"
        case .nullCharacter: return "illegal null character"
        case .byteOrderMark: return "illegal byte-order mark"
        }
    }
}

/// Future keywords that v0 modules switch on with imports.
struct SyntaxKeywords: OptionSet {
    let rawValue: UInt8
    static let `in` = SyntaxKeywords(rawValue: 1)
    static let every = SyntaxKeywords(rawValue: 2)
    static let contains = SyntaxKeywords(rawValue: 4)
    static let `if` = SyntaxKeywords(rawValue: 8)
    static let all: SyntaxKeywords = [.in, .every, .contains, .if]
}

/// One token. For strings and template parts `start..<end` is the content
/// between the delimiters; `offset` is always where the token begins.
struct SyntaxToken {
    var kind: SyntaxTokenKind
    var offset: Int
    var start: Int
    var end: Int
    var line: Int
    var column: Int
    /// Whitespace or a comment separates this token from the previous one.
    var spaceBefore: Bool
    /// A newline separates this token from the previous one.
    var newlineBefore: Bool
    /// A string or template part contains a backslash.
    var hasEscape: Bool = false
    var error: SyntaxLexError?
}

/// Where the scanner stands: the next unread byte and its line and column.
struct SyntaxPosition {
    var offset: Int
    var line: Int
    var column: Int
}

/// A `#` comment, kept for `# METADATA` blocks.
struct SyntaxComment {
    var start: Int
    var end: Int
    var line: Int
    var column: Int
}
