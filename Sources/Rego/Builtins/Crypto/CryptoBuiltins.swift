import PalisadeCore

/// OPA's crypto and token builtins: hashes and HMACs, X.509 certificates,
/// CSRs and private keys, and JSON Web Tokens.
enum CryptoBuiltins {
    static var all: [Builtin] {
        hashBuiltins + x509Builtins + keyBuiltins + jwtBuiltins + [decodeVerifyBuiltin] + jwtEncodeBuiltins
    }
}
