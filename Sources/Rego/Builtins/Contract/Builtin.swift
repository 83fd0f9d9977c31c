import PalisadeCore

/// A built-in function callable from Rego, e.g. `count(x)` or `time.parse_ns(layout, value)`.
///
/// The body receives the operands and returns the result, or `nil` when the
/// call is undefined (OPA's builtins that "produce no result").
public struct Builtin: Sendable {
    public typealias Body = @Sendable (_ args: BuiltinArgs, _ context: BuiltinContext) throws -> Value?

    /// The dotted Rego name, e.g. `strings.replace_n`.
    public let name: String
    /// Number of operands, not counting the result.
    public let arity: Int
    /// True for builtins whose result may differ between calls with the same
    /// operands (time.now_ns, rand.intn, http.send, uuid.rfc4122, ...).
    public let isNondeterministic: Bool
    public let body: Body

    public init(_ name: String, arity: Int, nondeterministic: Bool = false, body: @escaping Body) {
        self.name = name
        self.arity = arity
        self.isNondeterministic = nondeterministic
        self.body = body
    }
}

/// An error raised by a builtin. In OPA's default mode the evaluator turns it
/// into an undefined result; with strict builtin errors it aborts evaluation.
public struct BuiltinError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// An operand has the wrong type: `eval_type_error`.
        case type = "eval_type_error"
        /// Any other failure inside a builtin: `eval_builtin_error`.
        case builtin = "eval_builtin_error"
        /// Several results where one is allowed: `eval_conflict_error`.
        /// Raised even without strict builtin errors.
        case conflict = "eval_conflict_error"
    }

    public var code: Code
    /// The full message, starting with the builtin's name: `div: divide by zero`.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
