import PalisadeCore

/// `io.jwt.decode` and the `io.jwt.verify_*` family.
extension CryptoBuiltins {
    static var jwtBuiltins: [Builtin] {
        var builtins = [
            Builtin("io.jwt.decode", arity: 1) { args, _ in
                let token = try args.string(0)
                return try args.cryptoRun { try decode(token, depth: 0) }
            }
        ]
        for bits in ["256", "384", "512"] {
            builtins.append(verifyHMAC("io.jwt.verify_hs" + bits, algorithm: "HS" + bits))
            for family in ["rs", "ps", "es"] {
                builtins.append(verifyAsymmetric("io.jwt.verify_\(family)\(bits)", algorithm: family.uppercased() + bits))
            }
        }
        builtins.append(verifyAsymmetric("io.jwt.verify_eddsa", algorithm: "EdDSA"))
        return builtins
    }

    /// `[header, payload, signature hex]`, following nested `cty: JWT` tokens.
    private static func decode(_ text: String, depth: Int) throws -> Value {
        guard depth < CryptoJWT.maxNesting else { throw CryptoFailure("JWT nesting too deep") }
        let token = try CryptoJWT(text)
        let header = try token.decodedHeader()
        let payload = try token.decodedPayload()
        if case .string("JWT")? = header[.string("cty")] {
            let inner = String(decoding: payload, as: UTF8.self)
            return try decode(inner.cryptoTrimming("\"'"), depth: depth + 1)
        }
        let claims = try CryptoJWT.jsonObject(payload)
        let signature: [UInt8]
        do {
            signature = try token.decodedSignature()
        } catch let error as CryptoFailure {
            throw CryptoFailure("JWT signature had invalid encoding: \(error.message)")
        }
        return .array([.object(header), .object(claims), .string(CryptoHex.encode(signature))])
    }

    private static func verifyHMAC(_ name: String, algorithm: String) -> Builtin {
        Builtin(name, arity: 2) { args, _ in
            let text = try args.string(0)
            let secret = try args.string(1)
            return try args.cryptoRun {
                let token = try CryptoJWT(text)
                let signature = try token.decodedSignature()
                let key = CryptoPublicKey.symmetric(Array(secret.utf8))
                return .bool(CryptoJWS.verify(algorithm: algorithm, key: key, message: token.signingInput, signature: signature))
            }
        }
    }

    /// OPA's `builtinJWTVerify`: the builtin's algorithm is applied whatever
    /// the token's header says, except for JWKs that name their own `alg`.
    private static func verifyAsymmetric(_ name: String, algorithm: String) -> Builtin {
        Builtin(name, arity: 2) { args, _ in
            let text = try args.string(0)
            return try args.cryptoRun {
                let token = try CryptoJWT(text)
                let keys = try CryptoVerificationKey.parse(try args.string(1))
                let signature = try token.decodedSignature()
                let header = try CryptoJWTHeader(try token.decodedHeader())
                let message = token.signingInput
                return .bool(
                    CryptoVerificationKey.verify(keys, header: header) { key in
                        CryptoJWS.verify(algorithm: algorithm, key: key, message: message, signature: signature, splitECDSA: true)
                    })
            }
        }
    }
}

extension String {
    /// Go's `strings.Trim`: drops leading and trailing code points in `set`.
    func cryptoTrimming(_ set: String) -> String {
        let removable = Set(set.unicodeScalars)
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, removable.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, removable.contains(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
