import PalisadeCore

/// `io.jwt.encode_sign` and `io.jwt.encode_sign_raw`.
extension CryptoBuiltins {
    static var jwtEncodeBuiltins: [Builtin] {
        [
            Builtin("io.jwt.encode_sign", arity: 3) { args, _ in
                let header = JSONWriter.string(args[0], options: .init(escapeHTML: true))
                let payload = JSONWriter.string(args[1], options: .init(escapeHTML: true))
                let key = JSONWriter.string(args[2], options: .init(escapeHTML: true))
                return try args.cryptoRun { .string(try sign(header: header, payload: payload, key: key)) }
            },
            Builtin("io.jwt.encode_sign_raw", arity: 3) { args, _ in
                let key = try args.string(2)
                let header = try args.string(0)
                let payload = try args.string(1)
                return try args.cryptoRun { .string(try sign(header: header, payload: payload, key: key)) }
            },
        ]
    }

    /// OPA's `commonBuiltinJWTEncodeSign`: signs the header text as given.
    private static func sign(header: String, payload: String, key: String) throws -> String {
        guard let jwk = try CryptoJWK.parseSet(key).first else { throw CryptoFailure("no keys found in JWK set") }
        let fields = (try? JSONReader.decode(header))?.objectValue ?? [:]
        guard case .string(let algorithm)? = fields[.string("alg")] else {
            throw CryptoFailure("missing or invalid 'alg' header: header \"alg\" not found or not a string")
        }
        guard CryptoJWS.algorithms.contains(algorithm) else { throw CryptoFailure("unknown JWS algorithm: \(algorithm)") }
        let type = fields[.string("typ")]?.stringValue
        if type == nil || type == "JWT", (try? JSONReader.decode(payload)) == nil {
            throw CryptoFailure("type is JWT but payload is not JSON")
        }
        let signingInput = CryptoBase64.encode(Array(header.utf8), alphabet: .url, padded: false) + "."
            + CryptoBase64.encode(Array(payload.utf8), alphabet: .url, padded: false)
        let signature = try CryptoJWS.sign(algorithm: algorithm, key: try jwk.signingKey(), message: Array(signingInput.utf8))
        return signingInput + "." + CryptoBase64.encode(signature, alphabet: .url, padded: false)
    }
}
