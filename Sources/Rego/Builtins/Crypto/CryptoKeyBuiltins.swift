import PalisadeCore

/// `crypto.x509.parse_certificate_request`, `crypto.x509.parse_rsa_private_key`
/// and `crypto.parse_private_keys`.
extension CryptoBuiltins {
    static var keyBuiltins: [Builtin] {
        [
            Builtin("crypto.x509.parse_certificate_request", arity: 1) { args, _ in
                let input = try args.string(0)
                return try args.cryptoRun { try certificateRequest(input) }
            },
            Builtin("crypto.x509.parse_rsa_private_key", arity: 1) { args, _ in
                let input = try args.string(0)
                return try args.cryptoRun { try privateKeyJWK(input) }
            },
            Builtin("crypto.parse_private_keys", arity: 1) { args, _ in
                let input = try args.string(0)
                if input.isEmpty { return .null }
                return try args.cryptoRun {
                    .array(try CryptoPrivateKey.parseAll(pemData: input).map(\.goJSON))
                }
            },
        ]
    }

    private static func certificateRequest(_ input: String) throws -> Value {
        var bytes = Array(input.utf8)
        if !input.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----") {
            bytes = try CryptoBase64.decode(bytes)
        }
        if let block = CryptoPEM.decode(bytes[...]).block {
            guard block.type == "CERTIFICATE REQUEST" else {
                throw CryptoFailure("invalid PEM-encoded certificate signing request")
            }
            bytes = block.bytes
        }
        return try CryptoCertificateRequest(der: bytes).goJSON
    }

    /// The first private key in PEM (or base64 PEM) data, as a JWK.
    private static func privateKeyJWK(_ input: String) throws -> Value {
        guard !input.isEmpty else { throw CryptoFailure("input PEM data was empty") }
        var pem = input
        if !input.hasPrefix("-----BEGIN") {
            pem = String(decoding: try CryptoBase64.decode(Array(input.utf8)), as: UTF8.self)
        }
        guard let key = try CryptoPrivateKey.parseAll(pemData: pem).first else { return .null }
        return try key.jwk()
    }
}
