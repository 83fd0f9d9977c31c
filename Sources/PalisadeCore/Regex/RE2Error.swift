/// A regular expression that RE2 (Go's `regexp`) would not accept.
/// `description` is Go's text: "error parsing regexp: missing closing ]: `[a`".
public struct RE2Error: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case internalError = "regexp/syntax: internal error"
        case invalidCharClass = "invalid character class"
        case invalidCharRange = "invalid character class range"
        case invalidEscape = "invalid escape sequence"
        case invalidNamedCapture = "invalid named capture"
        case invalidPerlOp = "invalid or unsupported Perl syntax"
        case invalidRepeatOp = "invalid nested repetition operator"
        case invalidRepeatSize = "invalid repeat count"
        case invalidUTF8 = "invalid UTF-8"
        case missingBracket = "missing closing ]"
        case missingParen = "missing closing )"
        case missingRepeatArgument = "missing argument to repetition operator"
        case trailingBackslash = "trailing backslash at end of expression"
        case unexpectedParen = "unexpected )"
        case nestingDepth = "expression nests too deeply"
        case large = "expression too large"
    }

    public let code: Code
    /// The offending part of the expression.
    public let expression: String

    public init(_ code: Code, _ expression: String) {
        self.code = code
        self.expression = expression
    }

    public var description: String {
        "error parsing regexp: \(code.rawValue): `\(expression)`"
    }
}
