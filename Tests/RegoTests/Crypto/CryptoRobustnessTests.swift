import PalisadeCore
import XCTest

@testable import Rego

/// Malformed input must produce errors or `false`, never a crash.
final class CryptoRobustnessTests: XCTestCase {

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

final class CryptoCertificateCorruptionTests: XCTestCase {
    /// Every truncation and byte flip of a certificate gives a value or an
    /// error, never a crash.
    func testTruncatedAndCorruptedCertificatesNeverCrash() {
        let pem = CryptoGeneratedFixtures.constrainedGood
        let body = pem.components(separatedBy: "\n").filter { !$0.hasPrefix("-----") }.joined()
        var inputs: [String] = []
        for cut in stride(from: 0, to: body.count, by: 7) {
            inputs.append("-----BEGIN CERTIFICATE-----\n" + body.prefix(cut) + "\n-----END CERTIFICATE-----\n")
        }
        var chars = Array(body)
        for i in stride(from: 0, to: chars.count, by: 11) {
            chars[i] = chars[i] == "A" ? "B" : "A"
            inputs.append("-----BEGIN CERTIFICATE-----\n" + String(chars) + "\n-----END CERTIFICATE-----\n")
        }
        for input in inputs {
            for name in ["crypto.x509.parse_certificates", "crypto.x509.parse_and_verify_certificates"] {
                do {
                    _ = try CryptoTestSupport.call(name, [.string(input)])
                } catch let error as BuiltinError {
                    XCTAssertTrue(error.message.hasPrefix(name + ": "), error.message)
                } catch {
                    XCTFail("unexpected error type \(error)")
                }
            }
        }
    }
}
