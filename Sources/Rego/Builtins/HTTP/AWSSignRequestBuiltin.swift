import PalisadeCore

/// `providers.aws.sign_req(request, aws_config, time_ns)`: adds SigV4
/// `Authorization`, `host`, `x-amz-date` (and, for S3/Glacier,
/// `x-amz-content-sha256`; with a session token, `x-amz-security-token`)
/// to the request's headers.
enum AWSSignRequestBuiltin {
    static let name = "providers.aws.sign_req"
    static let requiredConfigKeys: [Value] = ["aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"]
        .map(Value.string)

    static let builtin = Builtin(name, arity: 3) { args, _ in
        try sign(args)
    }

    static func sign(_ args: BuiltinArgs) throws -> Value {
        // OPA reports the second and third operands as "operand 1" here; kept for fidelity.
        let request = try objectOperand(args[0], position: 1)
        let config = try objectOperand(args[1], position: 1)
        try validateConfig(config)
        guard case .number(let timestamp) = args[2] else {
            throw operandError(1, "must be number but got \(args[2].typeName)")
        }
        guard let nanoseconds = timestamp.intValue.flatMap(Int64.init(exactly:)) else {
            throw operandError(3, "could not convert time_ns value into a unix timestamp")
        }
        try validateRequestKeys(request)

        var headers: [Value: Value] = [:]
        if let given = request[httpField: "headers"] {
            guard case .object(let fields) = given else {
                throw operandError(0, "must be object but got \(given.typeName)")
            }
            headers = fields
        }
        var invalid: [Value] = []
        if request[httpField: "url"]?.stringValue == nil { invalid.append(.string("url")) }
        if request[httpField: "method"]?.stringValue == nil { invalid.append(.string("method")) }
        if !invalid.isEmpty {
            throw operandError(1, "invalid values for required request parameters(s): \(HTTPGoText.setText(invalid))")
        }
        let url: HTTPGoURL
        switch HTTPGoURL.parse(request[httpField: "url"]?.stringValue ?? "") {
        case .success(let parsed): url = parsed
        case .failure(let error): throw BuiltinError(.builtin, "\(name): \(error.message)")
        }
        let disablePayloadSigning: Bool
        switch config[httpField: "disable_payload_signing"] {
        case nil: disablePayloadSigning = false
        case .bool(let flag)?: disablePayloadSigning = flag
        default: throw operandError(2, "invalid value for 'disable_payload_signing' in AWS config")
        }

        let singleValued = stringHeaders(headers)
        let signer = AWSSigV4(
            method: request[httpField: "method"]?.stringValue ?? "",
            url: url,
            headers: singleValued,
            body: body(of: request),
            service: config[httpField: "aws_service"]?.stringValue ?? "",
            credentials: credentials(config),
            timeNanoseconds: nanoseconds,
            disablePayloadSigning: disablePayloadSigning)
        let (authorization, awsHeaders) = signer.sign()

        var signed: [Value: Value] = [:]
        for (key, value) in singleValued { signed[.string(key)] = .string(value) }
        signed[.string("Authorization")] = .string(authorization)
        for (key, value) in awsHeaders { signed[.string(key)] = .string(value) }
        var out = request
        out[.string("headers")] = .object(signed)
        return .object(out)
    }

    private static func objectOperand(_ value: Value, position: Int) throws -> [Value: Value] {
        guard case .object(let fields) = value else {
            throw operandError(position, "must be object but got \(value.typeName)")
        }
        return fields
    }

    private static func operandError(_ position: Int, _ message: String) -> BuiltinError {
        BuiltinError(.type, "\(name): operand \(position) \(message)")
    }

    private static func validateConfig(_ config: [Value: Value]) throws {
        let missing = requiredConfigKeys.filter { config[$0] == nil }
        if !missing.isEmpty {
            throw operandError(2, "missing required AWS config parameters(s): \(HTTPGoText.setText(missing))")
        }
        let invalid = requiredConfigKeys.filter { config[$0]?.stringValue == nil }
        if !invalid.isEmpty {
            throw operandError(2, "invalid values for required AWS config parameters(s): \(HTTPGoText.setText(invalid))")
        }
    }

    /// The same key checks as http.send's, reported under this builtin's name.
    private static func validateRequestKeys(_ request: [Value: Value]) throws {
        do throws(HTTPSendFailure) {
            try HTTPSendRequestKeys.validate(request)
        } catch {
            guard case .topdown(let error) = error else { throw error.raisedError }
            let prefix = HTTPSendFailure.builtinName + ": "
            let message = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
            throw BuiltinError(error.code, "\(name): \(message)")
        }
    }

    /// OPA's `objectToMap`: non-string keys and values become empty strings.
    private static func stringHeaders(_ headers: [Value: Value]) -> [String: String] {
        var out: [String: String] = [:]
        for key in headers.keys.sorted() {
            out[key.stringValue ?? ""] = headers[key]?.stringValue ?? ""
        }
        return out
    }

    /// `raw_body` wins over `body`, which is signed as Go's `json.Marshal` would write it.
    private static func body(of request: [Value: Value]) -> [UInt8] {
        if let raw = request[httpField: "raw_body"] { return Array((raw.stringValue ?? "").utf8) }
        if let body = request[httpField: "body"] { return Array(HTTPSendJSON.marshal(body).utf8) }
        return []
    }

    private static func credentials(_ config: [Value: Value]) -> AWSSigV4.Credentials {
        AWSSigV4.Credentials(
            accessKey: config[httpField: "aws_access_key"]?.stringValue ?? "",
            secretKey: config[httpField: "aws_secret_access_key"]?.stringValue ?? "",
            region: config[httpField: "aws_region"]?.stringValue ?? "",
            sessionToken: config[httpField: "aws_session_token"]?.stringValue ?? "")
    }
}
