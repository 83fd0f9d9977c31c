import PalisadeCore

/// The request-object keys `http.send` accepts, and OPA's checks on them.
enum HTTPSendRequestKeys {
    static let allowed: Set<String> = [
        "method", "url", "body", "enable_redirect", "force_json_decode", "force_yaml_decode", "headers",
        "raw_body", "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable",
        "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable", "tls_client_key",
        "tls_client_key_file", "tls_client_key_env_variable", "tls_insecure_skip_verify", "tls_server_name",
        "timeout", "cache", "force_cache", "force_cache_duration_seconds", "raise_error", "caching_mode",
        "max_retry_attempts", "cache_ignored_headers",
    ]

    static let required: [String] = ["method", "url"]

    /// Keys whose value must be a string.
    static let stringKeys: Set<String> = [
        "method", "url", "raw_body", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable",
        "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable", "tls_client_key",
        "tls_client_key_file", "tls_client_key_env_variable", "tls_server_name",
    ]

    /// Unknown keys first, then missing required ones, as OPA reports them.
    static func validate(_ request: [Value: Value]) throws(HTTPSendFailure) {
        let invalid = request.keys.filter { key in
            guard case .string(let name) = key else { return true }
            return !allowed.contains(name)
        }
        if !invalid.isEmpty {
            throw .operand("invalid request parameters(s): \(HTTPGoText.setText(invalid))")
        }
        let missing = required.filter { request[httpField: $0] == nil }.map(Value.string)
        if !missing.isEmpty {
            throw .operand("missing required request parameters(s): \(HTTPGoText.setText(missing))")
        }
    }

    /// `raise_error`, true unless set to false; a non-boolean is an error.
    static func raiseError(_ request: [Value: Value]) throws -> Bool {
        switch request[httpField: "raise_error"] {
        case nil: return true
        case .bool(let flag)?: return flag
        default: throw BuiltinError(.builtin, "\(HTTPSendFailure.builtinName): invalid value for raise_error field")
        }
    }

    /// A boolean option that is false when absent: `invalid value for "cache" field`.
    static func flag(_ request: [Value: Value], _ name: String) throws(HTTPSendFailure) -> Bool {
        switch request[httpField: name] {
        case nil: return false
        case .bool(let flag)?: return flag
        default: throw .plain("invalid value for \(HTTPGoText.quote(name)) field")
        }
    }

    /// A non-negative integer option that is 0 when absent.
    static func count(_ request: [Value: Value], _ name: String) throws(HTTPSendFailure) -> Int {
        guard let value = request[httpField: name] else { return 0 }
        if case .number(let n) = value, let int = n.intValue, int >= 0 { return int }
        throw .plain("invalid value \(HTTPGoText.regoText(value)) for field \(HTTPGoText.quote(name))")
    }
}
