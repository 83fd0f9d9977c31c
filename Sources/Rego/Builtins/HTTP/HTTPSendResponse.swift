import PalisadeCore

/// Turns a received response into OPA's response object:
/// `status`, `status_code`, `headers`, `body`, `raw_body`.
enum HTTPSendResponse {
    /// The response decoding options of a request.
    struct Decoding {
        var forceJSON = false
        var forceYAML = false

        init(_ request: [Value: Value]) throws(HTTPSendFailure) {
            forceJSON = try HTTPSendRequestKeys.flag(request, "force_json_decode")
            forceYAML = try HTTPSendRequestKeys.flag(request, "force_yaml_decode")
        }
    }

    static func value(_ response: HTTPSendRawResponse, _ decoding: Decoding) -> Value {
        let contentType = response.header("content-type") ?? ""
        let body: Value
        if decoding.forceJSON || isJSON(contentType) {
            body = HTTPSendJSON.decodeJSON(response.body)
        } else if decoding.forceYAML || contentType.contains("application/yaml")
                    || contentType.contains("application/x-yaml") {
            body = HTTPSendJSON.decodeYAML(response.body)
        } else {
            body = .null
        }
        var headers: [Value: Value] = [:]
        for (name, values) in response.headers {
            headers[.string(name)] = .array(values.map(Value.string))
        }
        return .object(fields: [
            "status": .string(statusLine(response.statusCode)),
            "status_code": .int(response.statusCode),
            "body": body,
            "raw_body": .string(String(decoding: response.body, as: UTF8.self)),
            "headers": .object(headers),
        ])
    }

    /// `application/json` or `application/*+json`, parameters ignored.
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let parts = mediaType.trimmingCharacters(in: .whitespaces).lowercased().split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "application" else { return false }
        return parts[1] == "json" || parts[1].hasSuffix("+json")
    }

    /// Go's `Response.Status` for a standard reason phrase: `200 OK`.
    static func statusLine(_ code: Int) -> String {
        guard let text = statusTexts[code] else { return String(code) }
        return "\(code) \(text)"
    }

    /// Go's `http.StatusText`.
    static let statusTexts: [Int: String] = [
        100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints",
        200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content",
        205: "Reset Content", 206: "Partial Content", 207: "Multi-Status", 208: "Already Reported", 226: "IM Used",
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
        305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
        408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
        413: "Request Entity Too Large", 414: "Request URI Too Long", 415: "Unsupported Media Type",
        416: "Requested Range Not Satisfiable", 417: "Expectation Failed", 418: "I'm a teapot",
        421: "Misdirected Request", 422: "Unprocessable Entity", 423: "Locked", 424: "Failed Dependency",
        425: "Too Early", 426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates",
        507: "Insufficient Storage", 508: "Loop Detected", 510: "Not Extended",
        511: "Network Authentication Required",
    ]
}
