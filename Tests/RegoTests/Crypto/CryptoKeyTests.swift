import PalisadeCore
import XCTest

@testable import Rego

final class CryptoKeyTests: XCTestCase {


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
