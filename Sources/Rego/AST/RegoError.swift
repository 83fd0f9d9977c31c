import PalisadeCore

/// A Rego syntax error: `file:line:col: rego_parse_error: message`.
public struct RegoError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case parse = "rego_parse_error"
        case compile = "rego_compile_error"
        case type = "rego_type_error"
        case unsafeVar = "rego_unsafe_var_error"
        case recursion = "rego_recursion_error"
        case evalConflict = "eval_conflict_error"
        case evalType = "eval_type_error"
        case evalBuiltin = "eval_builtin_error"
        case evalCancel = "eval_cancel_error"
        case evalRecursion = "eval_recursion_error"
        case evalLimit = "eval_limit_error"
    }

    public var code: Code
    public var message: String
    public var location: Location?

    public init(_ code: Code, _ message: String, at location: Location? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        guard let location else { return "\(code.rawValue): \(message)" }
        // OPA prints file:line for evaluation errors; syntax and compile errors add the column.
        switch code {
        case .parse, .compile, .type, .unsafeVar, .recursion:
            return "\(location): \(code.rawValue): \(message)"
        default:
            return "\(location.file):\(location.line): \(code.rawValue): \(message)"
        }
    }
}

/// Several errors found in one pass (OPA reports up to 10 at once).
public struct RegoErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [RegoError]
    public init(_ errors: [RegoError]) { self.errors = errors }
    public var description: String {
        if errors.count == 1 { return errors[0].description }
        return "\(errors.count) errors occurred:\n" + errors.map(\.description).joined(separator: "\n")
    }
}
