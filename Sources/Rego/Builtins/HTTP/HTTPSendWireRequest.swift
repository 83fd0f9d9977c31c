import Foundation
import PalisadeCore

/// What `http.send` puts on the wire, built from the request object the way
/// OPA's `createHTTPRequest` does (same checks, same error texts).
struct HTTPSendWireRequest: Sendable {
    static let defaultTimeoutNanoseconds: Int64 = 5_000_000_000
    /// Go treats a zero or negative timeout as "none"; a hard ceiling still applies.
    static let maximumTimeoutNanoseconds: Int64 = 600_000_000_000
    static let userAgent = "Open Policy Agent/Palisade (http.send)"

    var method = "GET"
    /// The URL text as given (used in error messages).
    var urlText = ""
    var url = HTTPGoURL()
    /// Canonicalized header names, in sorted order.
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []
    var followRedirects = false
    var timeoutNanoseconds = defaultTimeoutNanoseconds

    init(_ request: [Value: Value]) throws(HTTPSendFailure) {
        var tls = TLSOptions()
        var jsonBody: [UInt8]?
        var rawBody: [UInt8]?
        var customHeaders: [String: Value] = [:]

        for key in request.keys.sorted() {
            guard case .string(let name) = key, let value = request[key] else { continue }
            var text = ""
            if case .string(let s) = value {
                text = s.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            } else if HTTPSendRequestKeys.stringKeys.contains(name) {
                throw .plain("\(HTTPGoText.quote(name)) must be a string")
            }
            switch name {
            case "method": method = text.uppercased()
            case "url": urlText = text
            case "enable_redirect": followRedirects = try HTTPGoText.parseBool(value)
            case "body": jsonBody = Array(HTTPSendJSON.marshal(value).utf8)
            case "raw_body": rawBody = Array(text.utf8)
            case "headers":
                guard case .object(let fields) = value else { throw .plain("invalid type for headers key") }
                customHeaders = [:]
                for (k, v) in fields { customHeaders[HTTPSendJSON.keyText(k)] = v }
            case "timeout": timeoutNanoseconds = try Self.timeout(value)
            case "tls_use_system_certs": _ = try HTTPGoText.parseBool(value)
            case "tls_insecure_skip_verify": tls.insecureSkipVerify = try HTTPGoText.parseBool(value)
            case "tls_server_name": tls.serverName = text
            case "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable":
                if !text.isEmpty { tls.requested.append(name) }
            case "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable",
                 "tls_client_key", "tls_client_key_file", "tls_client_key_env_variable":
                if !text.isEmpty { tls.requested.append(name) }
            default: break  // cache and decoding options are read elsewhere
            }
        }

        body = rawBody ?? jsonBody ?? []
        if method.isEmpty { method = "GET" }
        guard !method.utf8.contains(where: { !HTTPGoText.isTokenByte($0) }) else {
            throw .plain("net/http: invalid method \(HTTPGoText.quote(method))")
        }
        switch HTTPGoURL.parse(urlText) {
        case .success(let parsed): url = parsed
        case .failure(let error): throw .plain(error.message)
        }
        headers = try Self.canonicalHeaders(customHeaders)
        try tls.check(url: url)
    }

    /// The `timeout` option: nanoseconds as a number, or a Go duration string.
    static func timeout(_ value: Value) throws(HTTPSendFailure) -> Int64 {
        switch value {
        case .number(let n):
            guard let ns = n.intValue.flatMap(Int64.init(exactly:)) else {
                throw .plain("invalid timeout number value \(n.description), must be int64")
            }
            return ns
        case .string(let s):
            if case .success(let ns) = HTTPGoText.parseInt(s, bits: 64) { return ns }
            switch HTTPGoText.parseDuration(s) {
            case .success(let ns): return ns
            case .failure(.plain(let reason)):
                throw .plain("invalid timeout value \(HTTPGoText.quote(s)): \(reason)")
            case .failure(let other): throw other
            }
        default:
            throw .operand("'timeout' must be one of {string, number} but got \(value.typeName)")
        }
    }

    private static func canonicalHeaders(_ custom: [String: Value]) throws(HTTPSendFailure) -> [(name: String, value: String)] {
        var byName: [String: String] = [:]
        for name in custom.keys.sorted() {
            guard case .string(let value) = custom[name] else {
                throw .plain("invalid type for headers value \(goQuotedAny(custom[name] ?? .null))")
            }
            byName[HTTPGoText.canonicalHeaderKey(name)] = value
        }
        if !custom.isEmpty, byName["User-Agent"] == nil { byName["User-Agent"] = userAgent }
        return byName.keys.sorted().map { ($0, byName[$0] ?? "") }
    }

    /// Go's `%q` of a decoded JSON value (numbers are `json.Number` strings).
    private static func goQuotedAny(_ value: Value) -> String {
        switch value {
        case .number(let n): return HTTPGoText.quote(n.description)
        case .bool(let b): return "%!q(bool=\(b))"
        case .null: return "%!q(<nil>)"
        default: return HTTPGoText.quote(HTTPSendJSON.marshal(value))
        }
    }

    /// Nanoseconds the whole exchange may take, after Go's "zero means none".
    var effectiveTimeoutNanoseconds: Int64 {
        timeoutNanoseconds > 0 ? min(timeoutNanoseconds, Self.maximumTimeoutNanoseconds) : Self.maximumTimeoutNanoseconds
    }
}

/// TLS options. FoundationNetworking on Linux (libcurl underneath) exposes no
/// per-request TLS configuration, so options that would change verification
/// or add client certificates are refused for https URLs instead of being
/// silently ignored. Plain http never uses them, in Go either.
private struct TLSOptions {
    var insecureSkipVerify = false
    var serverName = ""
    var requested: [String] = []

    func check(url: HTTPGoURL) throws(HTTPSendFailure) {
        guard url.scheme == "https" else { return }
        var unsupported = requested
        if insecureSkipVerify { unsupported.append("tls_insecure_skip_verify") }
        if !serverName.isEmpty && serverName != url.hostname { unsupported.append("tls_server_name") }
        guard let first = unsupported.sorted().first else { return }
        throw .plain("\(first) is not supported by this build: the platform HTTP client "
            + "(FoundationNetworking) cannot apply per-request TLS settings")
    }
}
