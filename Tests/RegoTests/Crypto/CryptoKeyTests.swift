import PalisadeCore
import XCTest

@testable import Rego

final class CryptoKeyTests: XCTestCase {
    func testParseRSAPrivateKeyAsJWK() throws {
        let jwk = try CryptoTestSupport.call("crypto.x509.parse_rsa_private_key", [.string(CryptoX509Fixtures.rsaPrivateKeyPEM)])
        XCTAssertEqual(jwk, CryptoTestSupport.json(CryptoX509Fixtures.rsaPrivateKeyJWK))
        let base64 = CryptoBase64.encode(Array(CryptoX509Fixtures.rsaPrivateKeyPEM.utf8))
        XCTAssertEqual(try CryptoTestSupport.call("crypto.x509.parse_rsa_private_key", [.string(base64)]), jwk)
        CryptoTestSupport.assertError("crypto.x509.parse_rsa_private_key", [.string("invalid")], contains: "illegal base64")
        CryptoTestSupport.assertError("crypto.x509.parse_rsa_private_key", [.string("")], contains: "input PEM data was empty")
    }

    func testParsePrivateKeys() throws {
        let keys = try CryptoTestSupport.call("crypto.parse_private_keys", [.string(CryptoX509Fixtures.rsaPrivateKeyPEM)])
        XCTAssertEqual(keys?.arrayValue?.count, 1)
        XCTAssertEqual(keys?.arrayValue?.first?["E"], .int(65537))
        XCTAssertEqual(keys?.arrayValue?.first?["Primes"]?.arrayValue?.count, 2)
        XCTAssertEqual(try CryptoTestSupport.call("crypto.parse_private_keys", [.string("nope")]), .emptyArray)
        XCTAssertEqual(try CryptoTestSupport.call("crypto.parse_private_keys", [.string("")]), .null)
        let two = CryptoX509Fixtures.rsaPrivateKeyPEM + "\n" + CryptoX509Fixtures.keyPairPEMKey
        XCTAssertEqual(try CryptoTestSupport.call("crypto.parse_private_keys", [.string(two)])?.arrayValue?.count, 2)
    }

    func testECPrivateKeyJWK() throws {
        // A P-256 key; x and y computed independently with Python cryptography.
        let d = try CryptoBase64.decodeURLLenient("jpsQnnGQmL-YBIffH1136cLyG3p0Ur96pAeTdnHAlsQ")
        let key = try CryptoECPrivateKey(curve: .p256, scalar: d)
        XCTAssertEqual(
            CryptoBase64.encode(key.publicKey.x, alphabet: .url, padded: false), "kPbiGRJJkecTMomnYKPFrfa9y2e9wt26jTVafsfafU0")
        XCTAssertEqual(
            CryptoBase64.encode(key.publicKey.y, alphabet: .url, padded: false), "rlOOmRVt-b4hdcEtPcsSikSsWjkUwsK7hPTrk0_jTdA")
        let jwk = try CryptoPrivateKey.ecdsa(key).jwk()
        XCTAssertEqual(jwk["kty"], .string("EC"))
        XCTAssertEqual(jwk["crv"], .string("P-256"))
    }
}
