import PalisadeCore
import XCTest

@testable import Rego

/// Malformed input must produce errors or `false`, never a crash.
final class CryptoRobustnessTests: XCTestCase {
    func testTruncatedAndCorruptedCertificates() throws {
        var der: [UInt8] = []
        var rest = Array(CryptoX509Fixtures.chainWithURIs.utf8)[...]
        while case (let block?, let remaining) = CryptoPEM.decode(rest) {
            der += block.bytes
            rest = remaining
        }
        XCTAssertGreaterThan(der.count, 900)
        for length in stride(from: 0, to: der.count, by: 7) {
            let text = Value.string(CryptoBase64.encode(Array(der.prefix(length))))
            for name in ["crypto.x509.parse_certificates", "crypto.x509.parse_certificate_request", "crypto.parse_private_keys"] {
                _ = try? CryptoTestSupport.call(name, [text])
            }
            let verified = try CryptoTestSupport.call("crypto.x509.parse_and_verify_certificates", [text])
            XCTAssertEqual(verified, .array([.false, .emptyArray]))
        }
        for position in stride(from: 0, to: der.count, by: 5) {
            var corrupted = der
            corrupted[position] ^= 0x5a
            let verified = try CryptoTestSupport.call(
                "crypto.x509.parse_and_verify_certificates", [.string(CryptoBase64.encode(corrupted))])
            XCTAssertNotNil(verified)
        }
    }

    func testMalformedTokensAndKeys() {
        let tokens = ["", ".", "..", "a.b.c", "e30.e30.", "e30.W10.", "eyJhbGciOjF9.e30.", "eyJjcml0IjpbXX0.e30."]
        let keys = [
            "", "{}", #"{"keys":[{}]}"#, #"{"kty":"RSA","n":"","e":""}"#, #"{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}"#,
            "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        ]
        for token in tokens {
            _ = try? CryptoTestSupport.call("io.jwt.decode", [.string(token)])
            for key in keys {
                for name in ["io.jwt.verify_rs256", "io.jwt.verify_ps256", "io.jwt.verify_es512", "io.jwt.verify_eddsa", "io.jwt.verify_hs512"] {
                    _ = try? CryptoTestSupport.call(name, [.string(token), .string(key)])
                }
                _ = try? CryptoTestSupport.call("io.jwt.decode_verify", [.string(token), .object(fields: ["cert": .string(key)])])
                _ = try? CryptoTestSupport.call("io.jwt.encode_sign_raw", [.string(#"{"alg":"ES256"}"#), .string(token), .string(key)])
            }
        }
        let weakKeys = [
            #"{"kty":"RSA","n":"AQAB","e":"AQAB","d":"AQAB","p":"Aw","q":"BQ"}"#, #"{"kty":"OKP","crv":"Ed25519","d":"AA"}"#,
            #"{"kty":"EC","crv":"P-256","d":"AA"}"#,
        ]
        for key in weakKeys {
            for algorithm in ["RS256", "PS256", "ES256", "EdDSA"] {
                XCTAssertThrowsError(
                    try CryptoTestSupport.call("io.jwt.encode_sign_raw", [.string(#"{"alg":"\#(algorithm)"}"#), .string("{}"), .string(key)]))
            }
        }
    }
}
