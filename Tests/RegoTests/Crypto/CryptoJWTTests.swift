import PalisadeCore
import XCTest

@testable import Rego

final class CryptoJWTTests: XCTestCase {
    private let octKey = CryptoTestSupport.json(
        #"{"k": "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", "kty": "oct"}"#)

    func testEncodeSignWithIntegerTimestampsAndSets() throws {
        let header = CryptoTestSupport.json(#"{"alg": "HS256", "typ": "JWT"}"#)
        let timestamps = try CryptoTestSupport.call(
            "io.jwt.encode_sign", [header, CryptoTestSupport.json(#"{"iat": 1678000000, "exp": 1678000300}"#), octKey])
        XCTAssertEqual(
            timestamps,
            .string(
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE2NzgwMDAzMDAsImlhdCI6MTY3ODAwMDAwMH0.ZNCOrxE5MNdrqzHmiQ7c3so0IvGqHddBZFWe3kBaQHg"
            ))
        var payload = CryptoTestSupport.json(
            #"{"exp": 1300819380, "http://example.com/is_root": true, "iss": "joe", "privateParams": {"private_one": "one", "private_two": "two"}}"#
        ).objectValue ?? [:]
        payload[.string("aud")] = .set([.string("bob"), .string("saul")])
        XCTAssertEqual(
            try CryptoTestSupport.call("io.jwt.encode_sign", [header, .object(payload), octKey]),
            .string(
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOlsiYm9iIiwic2F1bCJdLCJleHAiOjEzMDA4MTkzODAsImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlLCJpc3MiOiJqb2UiLCJwcml2YXRlUGFyYW1zIjp7InByaXZhdGVfb25lIjoib25lIiwicHJpdmF0ZV90d28iOiJ0d28ifX0.-Or2eol8bzly-Ztb0v7_7UkcKBkN_aNNpK33HK0MeOY"
            ))
    }

    func testDecodeVerifyClaimTypeErrorsAndMissingIssuer() throws {
        let key = Value.object(fields: ["kty": .string("oct"), "k": .string("NDI")])
        let secret = Value.object(fields: ["secret": .string("42")])
        for (claim, message) in [("exp", "exp value must be a number"), ("nbf", "nbf value must be a number")] {
            let value: Value = claim == "exp" ? .null : .string("string is not valid here")
            let token = try CryptoTestSupport.call(
                "io.jwt.encode_sign", [.object(fields: ["alg": .string("HS256")]), .object(fields: [claim: value]), key])
            CryptoTestSupport.assertError("io.jwt.decode_verify", [token ?? .null, secret], contains: message)
        }
        let token = try CryptoTestSupport.call("io.jwt.encode_sign", [.object(fields: ["alg": .string("HS256")]), .emptyObject, key])
        let constraints = Value.object(fields: ["secret": .string("42"), "iss": .string("xxx")])
        XCTAssertEqual(
            try CryptoTestSupport.call("io.jwt.decode_verify", [token ?? .null, constraints]),
            .array([.false, .emptyObject, .emptyObject]))
    }

    func testDecodeVerifyUsesContextTimeUnlessGiven() throws {
        let key = Value.object(fields: ["kty": .string("oct"), "k": .string("NDI")])
        let token = try CryptoTestSupport.call(
            "io.jwt.encode_sign", [.object(fields: ["alg": .string("HS256")]), .object(fields: ["exp": .int(3000)]), key]) ?? .null
        let early = BuiltinContext(nowNanoseconds: 2_000_000_000_000)
        let late = BuiltinContext(nowNanoseconds: 4_000_000_000_000)
        let secret = Value.object(fields: ["secret": .string("42")])
        let decode = CryptoTestSupport.builtin("io.jwt.decode_verify")
        let args = BuiltinArgs(name: "io.jwt.decode_verify", values: [token, secret])
        XCTAssertEqual(try decode?.body(args, early)?.arrayValue?.first, .true)
        XCTAssertEqual(try decode?.body(args, late)?.arrayValue?.first, .false)
        let explicit = Value.object(fields: ["secret": .string("42"), "time": .int(2_000_000_000_000)])
        XCTAssertEqual(
            try decode?.body(BuiltinArgs(name: "io.jwt.decode_verify", values: [token, explicit]), late)?.arrayValue?.first, .true)
    }

    func testDecodeVerifyConstraintErrors() throws {
        let token = Value.string(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiYWxpY2UiLCJhenAiOiJhbGljZSIsInN1Ym9yZGluYXRlcyI6W10sImhyIjpmYWxzZX0.rz3jTY033z-NrKfwrK89_dcLF7TN4gwCMj-fVBDyLoM"
        )
        CryptoTestSupport.assertError("io.jwt.decode_verify", [token, .emptyObject], contains: "no key constraint")
        CryptoTestSupport.assertError(
            "io.jwt.decode_verify", [token, CryptoTestSupport.json(#"{"secret": "a", "foo": 1}"#)],
            contains: "unknown token validation constraint: foo")
        CryptoTestSupport.assertError(
            "io.jwt.decode_verify", [token, CryptoTestSupport.json(#"{"secret": "a", "time": -1}"#)],
            contains: "token time constraint: must not be negative")
        CryptoTestSupport.assertError(
            "io.jwt.decode_verify", [token, .string("x")], contains: "operand 2 must be object but got string", code: .type)
    }

    func testSignAndVerifyRoundTrips() throws {
        let payload = CryptoTestSupport.json(#"{"sub": "me"}"#)
        let ecKey = CryptoTestSupport.json(
            #"{"kty":"EC","crv":"P-256","x":"kPbiGRJJkecTMomnYKPFrfa9y2e9wt26jTVafsfafU0","y":"rlOOmRVt-b4hdcEtPcsSikSsWjkUwsK7hPTrk0_jTdA","d":"jpsQnnGQmL-YBIffH1136cLyG3p0Ur96pAeTdnHAlsQ"}"#
        )
        let token = try CryptoTestSupport.call("io.jwt.encode_sign", [.object(fields: ["alg": .string("ES256")]), payload, ecKey])
        let publicJWK = Value.string(
            #"{"kty":"EC","crv":"P-256","x":"kPbiGRJJkecTMomnYKPFrfa9y2e9wt26jTVafsfafU0","y":"rlOOmRVt-b4hdcEtPcsSikSsWjkUwsK7hPTrk0_jTdA"}"#)
        XCTAssertEqual(try CryptoTestSupport.call("io.jwt.verify_es256", [token ?? .null, publicJWK]), .true)
        let signature = String(token?.stringValue?.split(separator: ".").last ?? "")
        XCTAssertEqual(try CryptoBase64.decodeURLLenient(signature).count, 64)

        for bits in ["256", "384", "512"] {
            let signed = try CryptoTestSupport.call(
                "io.jwt.encode_sign_raw",
                [.string(#"{"alg":"HS\#(bits)"}"#), .string(#"{"a":1}"#), .string(#"{"kty":"oct","k":"c2VjcmV0"}"#)])
            XCTAssertEqual(try CryptoTestSupport.call("io.jwt.verify_hs\(bits)", [signed ?? .null, .string("secret")]), .true)
            XCTAssertEqual(try CryptoTestSupport.call("io.jwt.verify_hs\(bits)", [signed ?? .null, .string("other")]), .false)
        }
    }

    func testEncodeSignErrors() {
        CryptoTestSupport.assertError(
            "io.jwt.encode_sign_raw", [.string(#"{"alg":"none"}"#), .string("{}"), .string(#"{"kty":"oct","k":"c2VjcmV0"}"#)],
            contains: "unknown JWS algorithm: none")
        CryptoTestSupport.assertError(
            "io.jwt.encode_sign_raw", [.string(#"{"typ":"JWT"}"#), .string("{}"), .string(#"{"kty":"oct","k":"c2VjcmV0"}"#)],
            contains: "missing or invalid 'alg' header")
        CryptoTestSupport.assertError(
            "io.jwt.encode_sign_raw", [.string(#"{"alg":"HS256"}"#), .string("{}"), .string(#"{"keys":[]}"#)],
            contains: "no keys found in JWK set")
    }


    func testKeySetSelectionByKidAndAlg() throws {
        let secret = "c2VjcmV0"
        let token = try CryptoTestSupport.call(
            "io.jwt.encode_sign_raw",
            [.string(#"{"alg":"HS256","kid":"b"}"#), .string("{}"), .string(#"{"kty":"oct","k":"\#(secret)"}"#)]) ?? .null
        let matchingKid = #"{"keys":[{"kty":"oct","kid":"a","k":"b3RoZXI"},{"kty":"oct","kid":"b","k":"\#(secret)"}]}"#
        XCTAssertEqual(
            try CryptoTestSupport.call("io.jwt.decode_verify", [token, .object(fields: ["cert": .string(matchingKid)])])?.arrayValue?.first,
            .true)
        let wrongAlg = #"{"keys":[{"kty":"oct","alg":"HS512","k":"\#(secret)"}]}"#
        XCTAssertEqual(
            try CryptoTestSupport.call("io.jwt.decode_verify", [token, .object(fields: ["cert": .string(wrongAlg)])])?.arrayValue?.first,
            .false)
        CryptoTestSupport.assertError(
            "io.jwt.decode_verify", [token, .object(fields: ["cert": .string("x"), "secret": .string("y")])],
            contains: "failed to parse a JWK key (set)")
        CryptoTestSupport.assertError(
            "io.jwt.decode_verify", [token, .object(fields: ["cert": .string(matchingKid), "secret": .string("y")])],
            contains: "duplicate key constraints")
    }
}
