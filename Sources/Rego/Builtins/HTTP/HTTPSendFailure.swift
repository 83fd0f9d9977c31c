import PalisadeCore

/// Why an `http.send` call failed, kept in the three shapes OPA distinguishes:
/// they decide both the raised error and, with `raise_error: false`, the
/// `error.code` of the returned object.
enum HTTPSendFailure: Error, Sendable {
    /// A transport failure (Go's `*url.Error`): `Get "http://…": connection refused`.
    case network(HTTPSendNetworkFailure)
    /// An error OPA has already turned into an evaluation error.
    case topdown(BuiltinError)
    /// Any other Go error, not yet prefixed with the builtin name.
    case plain(String)

    static let builtinName = "http.send"

    /// OPA's `handleHTTPSendErr`: the error raised when `raise_error` is true.
    var raisedError: BuiltinError {
        switch self {
        case .network(let failure) where failure.timedOut:
            return BuiltinError(.builtin, "\(Self.builtinName): \(failure.op) \(failure.url): request timed out")
        case .network(let failure):
            return BuiltinError(.builtin, "\(Self.builtinName): \(failure.description)")
        case .topdown(let error):
            return error
        case .plain(let message):
            return BuiltinError(.builtin, "\(Self.builtinName): \(message)")
        }
    }

    /// The same failure after OPA has wrapped it (`handleHTTPSendErr`).
    var wrapped: HTTPSendFailure { .topdown(raisedError) }

    /// The response returned instead of an error when `raise_error` is false.
    var errorResponse: Value {
        let code: String
        let message: String
        switch self {
        case .network(let failure):
            code = "eval_http_send_network_error"
            message = failure.description
        case .topdown(let error):
            code = "eval_http_send_internal_error"
            message = error.description
        case .plain(let text):
            code = "eval_http_send_internal_error"
            message = text
        }
        return .object(fields: [
            "status_code": .int(0),
            "error": .object(fields: ["code": .string(code), "message": .string(message)]),
        ])
    }

    /// A type error about operand 1, as `builtins.NewOperandErr` words it.
    static func operand(_ message: String) -> HTTPSendFailure {
        .topdown(BuiltinError(.type, "\(builtinName): operand 1 \(message)"))
    }
}

/// Go's `*url.Error`: `Op "URL": detail`.
struct HTTPSendNetworkFailure: Sendable, CustomStringConvertible {
    /// The method as Go spells it in errors: `Get`, `Post`.
    var op: String
    var url: String
    var detail: String
    var timedOut = false

    init(method: String, url: String, detail: String, timedOut: Bool = false) {
        let upper = method.isEmpty ? "GET" : method
        self.op = upper.prefix(1) + upper.dropFirst().lowercased()
        self.url = url
        self.detail = detail
        self.timedOut = timedOut
    }

    var description: String { "\(op) \(HTTPGoText.quote(url)): \(detail)" }
}
