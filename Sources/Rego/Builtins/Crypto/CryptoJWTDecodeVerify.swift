import PalisadeCore

/// `io.jwt.decode_verify(token, constraints)`: `[valid, header, payload]`.
extension CryptoBuiltins {
    static var decodeVerifyBuiltin: Builtin {
        Builtin("io.jwt.decode_verify", arity: 2) { args, ctx in
            let text = try args.string(0)
            let object = try args.object(1)
            return try args.cryptoRun {
                let constraints = try CryptoTokenConstraints(object, now: Double(ctx.nowNanoseconds))
                return try decodeVerify(text, constraints)
            }
        }
    }

    private static let unverifiedToken = Value.array([.false, .emptyObject, .emptyObject])

    private static func decodeVerify(_ text: String, _ constraints: CryptoTokenConstraints) throws -> Value {
        var current = text
        var headerObject: [Value: Value]
        var payload: [UInt8]
        var depth = 0
        while true {
            let token = try CryptoJWT(current)
            headerObject = try token.decodedHeader()
            let header = try CryptoJWTHeader(headerObject)
            guard header.isValid else { return unverifiedToken }
            if !constraints.algorithm.isEmpty, constraints.algorithm != header.algorithm { return unverifiedToken }
            let signature = try token.decodedSignature()
            guard constraints.verify(header: header, message: token.signingInput, signature: signature) else {
                return unverifiedToken
            }
            payload = try token.decodedPayload()
            guard header.contentType.lowercased() == "jwt" else { break }
            depth += 1
            guard depth < CryptoJWT.maxNesting else { throw CryptoFailure("JWT nesting too deep") }
            current = String(decoding: payload, as: UTF8.self)
        }
        let claims = try CryptoJWT.jsonObject(payload)
        guard constraints.accepts(claims: claims) else { return unverifiedToken }
        guard try constraints.withinValidity(claims) else { return unverifiedToken }
        return .array([.true, .object(headerObject), .object(claims)])
    }
}

/// The constraints object of `io.jwt.decode_verify` (OPA's `tokenConstraints`).
struct CryptoTokenConstraints {
    var secret = ""
    var algorithm = ""
    var issuer = ""
    var audience = ""
    var keys: [CryptoVerificationKey]?
    /// Nanoseconds since the epoch.
    var time: Double = -1

    init(_ object: [Value: Value], now: Double) throws {
        for key in object.keys.sorted() {
            guard let value = object[key] else { continue }
            let name = key.stringValue ?? JSONWriter.keyText(key)
            switch name {
            case "cert":
                guard case .string(let text) = value else { throw CryptoFailure("cert constraint: must be a string") }
                keys = try CryptoVerificationKey.parse(text)
            case "secret": secret = try Self.string(name, value)
            case "alg": algorithm = try Self.string(name, value)
            case "iss": issuer = try Self.string(name, value)
            case "aud": audience = try Self.string(name, value)
            case "time": time = try Self.time(value)
            default: throw CryptoFailure("unknown token validation constraint: \(name)")
            }
        }
        if time == -1 { time = now }
        let keyConstraints = (keys == nil ? 0 : 1) + (secret.isEmpty ? 0 : 1)
        if keyConstraints > 1 { throw CryptoFailure("duplicate key constraints") }
        if keyConstraints < 1 { throw CryptoFailure("no key constraint") }
    }

    private static func string(_ name: String, _ value: Value) throws -> String {
        guard case .string(let text) = value else { throw CryptoFailure("\(name) constraint: must be a string") }
        return text
    }

    private static func time(_ value: Value) throws -> Double {
        guard case .number(let number) = value else { throw CryptoFailure("token time constraint: must be a number") }
        let seconds = number.doubleValue
        guard seconds.isFinite else { throw CryptoFailure("token time constraint: unvalid float64") }
        guard seconds >= 0 else { throw CryptoFailure("token time constraint: must not be negative") }
        return seconds
    }

    func verify(header: CryptoJWTHeader, message: [UInt8], signature: [UInt8]) -> Bool {
        if let keys {
            return CryptoVerificationKey.verify(keys, header: header) { key in
                CryptoJWS.verify(algorithm: header.algorithm, key: key, message: message, signature: signature)
            }
        }
        return CryptoJWS.verify(
            algorithm: header.algorithm, key: .symmetric(Array(secret.utf8)), message: message, signature: signature)
    }

    /// The `iss` and `aud` claims against the constraints.
    func accepts(claims: [Value: Value]) -> Bool {
        if !issuer.isEmpty {
            guard case .string(let iss)? = claims[.string("iss")], iss == issuer else { return false }
        }
        guard let aud = claims[.string("aud")] else { return audience.isEmpty }
        switch aud {
        case .string(let single): return single == audience
        case .array(let list): return list.contains(.string(audience))
        default: return false
        }
    }

    /// `exp` must be after the time and `nbf` not after it (both in seconds).
    /// Non-numeric values are errors.
    func withinValidity(_ claims: [Value: Value]) throws -> Bool {
        let now = Number.fromDouble(time / 1_000_000_000)
        if let exp = claims[.string("exp")] {
            guard case .number(let seconds) = exp else { throw CryptoFailure("exp value must be a number") }
            if Number.compare(now, seconds) != -1 { return false }
        }
        if let nbf = claims[.string("nbf")] {
            guard case .number(let seconds) = nbf else { throw CryptoFailure("nbf value must be a number") }
            if Number.compare(now, seconds) == -1 { return false }
        }
        return true
    }
}
