import Crypto
import PalisadeCore

/// `crypto.md5`, `crypto.sha1`, `crypto.sha256` and the `crypto.hmac.*` family.
extension CryptoBuiltins {
    static var hashBuiltins: [Builtin] {
        [
            digest("crypto.md5", Insecure.MD5.self),
            digest("crypto.sha1", Insecure.SHA1.self),
            digest("crypto.sha256", SHA256.self),
            hmac("crypto.hmac.md5", Insecure.MD5.self),
            hmac("crypto.hmac.sha1", Insecure.SHA1.self),
            hmac("crypto.hmac.sha256", SHA256.self),
            hmac("crypto.hmac.sha512", SHA512.self),
            Builtin("crypto.hmac.equal", arity: 2) { args, _ in
                let first = Array(try args.string(0).utf8)
                let second = Array(try args.string(1).utf8)
                return .bool(cryptoConstantTimeEquals(first, second))
            },
        ]
    }

    private static func digest<H: HashFunction>(_ name: String, _: H.Type) -> Builtin {
        Builtin(name, arity: 1) { args, _ in
            .string(CryptoHex.encode(H.hash(data: Array(try args.string(0).utf8))))
        }
    }

    private static func hmac<H: HashFunction>(_ name: String, _: H.Type) -> Builtin {
        Builtin(name, arity: 2) { args, _ in
            let message = Array(try args.string(0).utf8)
            let key = SymmetricKey(data: Array(try args.string(1).utf8))
            return .string(CryptoHex.encode(HMAC<H>.authenticationCode(for: message, using: key)))
        }
    }
}
