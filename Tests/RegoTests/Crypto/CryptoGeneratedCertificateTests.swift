import PalisadeCore
import XCTest

@testable import Rego

/// Certificates and keys generated with Python's `cryptography` package,
/// checked against the shapes Go's `crypto/x509` produces.
final class CryptoGeneratedCertificateTests: XCTestCase {
    private let verify = "crypto.x509.parse_and_verify_certificates"
    private let verifyWithOptions = "crypto.x509.parse_and_verify_certificates_with_options"

    func testNameConstraintsAreEnforced() throws {
        XCTAssertEqual(try CryptoTestSupport.call(verify, [.string(CryptoGeneratedFixtures.constrainedGood)])?.arrayValue?.first, .true)
        XCTAssertEqual(
            try CryptoTestSupport.call(verify, [.string(CryptoGeneratedFixtures.constrainedBad)]), .array([.false, .emptyArray]))
        let chain = Value.string(CryptoGeneratedFixtures.constrainedGood)
        let tooFew = CryptoTestSupport.json(#"{"MaxConstraintComparisons": 1}"#)
        XCTAssertEqual(try CryptoTestSupport.call(verifyWithOptions, [chain, tooFew]), .array([.false, .emptyArray]))
        let enough = CryptoTestSupport.json(#"{"MaxConstraintComparisons": 2}"#)
        XCTAssertEqual(try CryptoTestSupport.call(verifyWithOptions, [chain, enough])?.arrayValue?.first, .true)
        let root = try CryptoTestSupport.call("crypto.x509.parse_certificates", [chain])?.arrayValue?.first
        XCTAssertEqual(root?["PermittedDNSDomains"], .array([.string("example.com"), .string("example.org")]))
        XCTAssertEqual(root?["PermittedDNSDomainsCritical"], .true)
        XCTAssertEqual(root?["ExcludedDNSDomains"], .null)
    }

    func testRSAPSSChainAndClientAuthUsage() throws {
        let chain = Value.string(CryptoGeneratedFixtures.pssChain)
        XCTAssertEqual(try CryptoTestSupport.call(verify, [chain]), .array([.false, .emptyArray]))
        let clientAuth = CryptoTestSupport.json(#"{"KeyUsages": ["KeyUsageClientAuth"]}"#)
        XCTAssertEqual(try CryptoTestSupport.call(verifyWithOptions, [chain, clientAuth])?.arrayValue?.first, .true)
        let any = CryptoTestSupport.json(#"{"KeyUsages": ["KeyUsageAny"]}"#)
        XCTAssertEqual(try CryptoTestSupport.call(verifyWithOptions, [chain, any])?.arrayValue?.first, .true)
    }

    func testGoFieldsOfARichCertificate() throws {
        let certificates = try CryptoTestSupport.call("crypto.x509.parse_certificates", [.string(CryptoGeneratedFixtures.pssChain)])
        guard let root = certificates?.arrayValue?.first, let leaf = certificates?.arrayValue?.last else {
            return XCTFail("expected two certificates")
        }
        XCTAssertEqual(root["SignatureAlgorithm"], .int(13))
        XCTAssertEqual(root["MaxPathLen"], .int(0))
        XCTAssertEqual(root["MaxPathLenZero"], .true)
        XCTAssertEqual(root["PublicKey"]?["E"], .int(65537))
        XCTAssertEqual(leaf["SerialNumber"], .int(11))
        XCTAssertEqual(leaf["Subject"]?["Country"], .array([.string("US")]))
        XCTAssertEqual(leaf["Subject"]?["Locality"], .array([.string("Springfield")]))
        XCTAssertEqual(leaf["Issuer"]?["CommonName"], .string("PSS Root"))
        XCTAssertEqual(leaf["PublicKeyAlgorithm"], .int(4))
        XCTAssertEqual(leaf["PublicKey"]?.stringValue.map { CryptoBase64.decodeLength($0) }, 32)
        XCTAssertEqual(leaf["NotBefore"], .string("2020-01-01T00:00:00Z"))
        XCTAssertEqual(leaf["NotAfter"], .string("2120-01-01T00:00:00Z"))
        XCTAssertEqual(leaf["KeyUsage"], .int(5))
        XCTAssertEqual(leaf["ExtKeyUsage"], .array([.int(2)]))
        XCTAssertEqual(leaf["UnknownExtKeyUsage"], CryptoTestSupport.json("[[1,2,3,4]]"))
        XCTAssertEqual(leaf["DNSNames"], .array([.string("rich.example")]))
        XCTAssertEqual(leaf["EmailAddresses"], .array([.string("a@rich.example")]))
        XCTAssertEqual(leaf["IPAddresses"], .array([.string("10.1.2.3"), .string("2001:db8::1")]))
        XCTAssertEqual(leaf["URIStrings"], .array([.string("https://user@rich.example:8443/p%20q?x=1#frag")]))
        let uri = leaf["URIs"]?.arrayValue?.first
        XCTAssertEqual(uri?["Scheme"], .string("https"))
        XCTAssertEqual(uri?["Host"], .string("rich.example:8443"))
        XCTAssertEqual(uri?["Path"], .string("/p q"))
        XCTAssertEqual(uri?["RawQuery"], .string("x=1"))
        XCTAssertEqual(uri?["Fragment"], .string("frag"))
        XCTAssertEqual(uri?["User"], .emptyObject)
        XCTAssertEqual(leaf["PolicyIdentifiers"], CryptoTestSupport.json("[[2,23,140,1,2,1]]"))
        XCTAssertEqual(leaf["Policies"], .array([.string("2.23.140.1.2.1")]))
        XCTAssertEqual(leaf["OCSPServer"], .array([.string("http://ocsp.example")]))
        XCTAssertEqual(leaf["IssuingCertificateURL"], .array([.string("http://ca.example/ca.crt")]))
        XCTAssertEqual(leaf["CRLDistributionPoints"], .array([.string("http://crl.example/a.crl")]))
        XCTAssertEqual(leaf["SubjectKeyId"], .string("AQIDBA=="))
        XCTAssertEqual(leaf["AuthorityKeyId"], .null)
        XCTAssertEqual(leaf["UnhandledCriticalExtensions"], .null)
        XCTAssertEqual(leaf["BasicConstraintsValid"], .false)
    }

    func testCertificateRequestWithSANs() throws {
        let request = try CryptoTestSupport.call("crypto.x509.parse_certificate_request", [.string(CryptoGeneratedFixtures.csrWithSAN)])
        XCTAssertEqual(request?["Subject"]?["Organization"], .array([.string("Palisade")]))
        XCTAssertEqual(request?["DNSNames"], .array([.string("csr.example"), .string("alt.example")]))
        XCTAssertEqual(request?["SignatureAlgorithm"], .int(11))
        XCTAssertEqual(request?["PublicKeyAlgorithm"], .int(3))
        XCTAssertEqual(request?["Extensions"]?.arrayValue?.first?["Id"], CryptoTestSupport.json("[2,5,29,17]"))
        let attribute = request?["Attributes"]?.arrayValue?.first
        XCTAssertEqual(attribute?["Type"], CryptoTestSupport.json("[1,2,840,113549,1,9,14]"))
        XCTAssertEqual(attribute?["Value"]?.arrayValue?.first?.arrayValue?.first?["Type"], CryptoTestSupport.json("[2,5,29,17]"))
        XCTAssertEqual(request?["IPAddresses"], .null)
    }

    func testECAndEd25519PrivateKeys() throws {
        let jwk = try CryptoTestSupport.call("crypto.x509.parse_rsa_private_key", [.string(CryptoGeneratedFixtures.ecPrivateKeySEC1)])
        XCTAssertEqual(jwk, CryptoTestSupport.json(CryptoGeneratedFixtures.ecPrivateKeyJWK))
        let keys = try CryptoTestSupport.call(
            "crypto.parse_private_keys", [.string(CryptoGeneratedFixtures.ecPrivateKeySEC1 + CryptoGeneratedFixtures.ed25519PrivateKey)])
        XCTAssertEqual(keys?.arrayValue?.count, 2)
        XCTAssertEqual(keys?.arrayValue?.first?["Curve"], .emptyObject)
        XCTAssertEqual(keys?.arrayValue?.last?.stringValue.map { CryptoBase64.decodeLength($0) }, 64)
        CryptoTestSupport.assertError(
            "crypto.x509.parse_rsa_private_key", [.string(CryptoGeneratedFixtures.ed25519PrivateKey)],
            contains: "invalid key type ed25519.PrivateKey")
    }

    func testGoJSONEscaping() {
        let value = Value.object(fields: ["b": .string("<a&b>\u{8}\u{c}\u{1}\u{2028}"), "a": .set([.int(2), .int(1)])])
        XCTAssertEqual(JSONWriter.string(value, options: .init(escapeHTML: true)), #"{"a":[1,2],"b":"\u003ca\u0026b\u003e\b\f\u0001\u2028"}"#)
    }
}

extension CryptoBase64 {
    /// Decoded length of standard base64 text, or -1 when it is invalid.
    static func decodeLength(_ text: String) -> Int {
        (try? decode(Array(text.utf8)).count) ?? -1
    }
}
