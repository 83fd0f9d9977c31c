import PalisadeCore
import XCTest

@testable import Rego

final class CryptoX509Tests: XCTestCase {
    private func summary(_ chain: Value) -> Value {
        guard case .array(let certificates) = chain else { return .null }
        return .array(
            certificates.map { certificate in
                .object(fields: [
                    "CN": certificate["Subject"]?["CommonName"] ?? .null,
                    "DNS": certificate["DNSNames"] ?? .null,
                    "URI": certificate["URIStrings"] ?? .null,
                ])
            })
    }

    func testParseAndVerifyChainWithIntermediate() throws {
        let result = try CryptoTestSupport.call("crypto.x509.parse_and_verify_certificates", [.string(CryptoX509Fixtures.chainWithIntermediate)])
        guard case .array(let parts)? = result, parts.count == 2 else { return XCTFail("unexpected \(String(describing: result))") }
        let expected = CryptoTestSupport.json(CryptoX509Fixtures.chainWithIntermediateExpected)
        XCTAssertEqual(parts[0], expected["valid"])
        XCTAssertEqual(summary(parts[1]), expected["certs"])
    }

    func testParseAndVerifyChainWithURIs() throws {
        let result = try CryptoTestSupport.call("crypto.x509.parse_and_verify_certificates", [.string(CryptoX509Fixtures.chainWithURIs)])
        guard case .array(let parts)? = result, parts.count == 2 else { return XCTFail("unexpected \(String(describing: result))") }
        let expected = CryptoTestSupport.json(CryptoX509Fixtures.chainWithURIsExpected)
        XCTAssertEqual(parts[0], .true)
        XCTAssertEqual(summary(parts[1]), expected["certs"])
        XCTAssertEqual(parts[1].arrayValue?.first?["URIs"]?.arrayValue?.first?["Scheme"], .string("spiffe"))
        XCTAssertEqual(parts[1].arrayValue?.first?["URIs"]?.arrayValue?.first?["Path"], .string("/opa"))
    }

    func testVerificationFailsForBrokenOrShortChains() throws {
        let unverified = Value.array([.false, .emptyArray])
        let certificates = CryptoX509Fixtures.chainWithIntermediate
        let blocks = certificates.components(separatedBy: "-----END CERTIFICATE-----\n")
        // Root and leaf without the intermediate do not chain.
        let rootAndLeaf = blocks[0] + "-----END CERTIFICATE-----\n" + blocks[2]
        XCTAssertEqual(try CryptoTestSupport.call("crypto.x509.parse_and_verify_certificates", [.string(rootAndLeaf)]), unverified)
        XCTAssertEqual(
            try CryptoTestSupport.call("crypto.x509.parse_and_verify_certificates", [.string(blocks[0] + "-----END CERTIFICATE-----\n")]),
            unverified)
        XCTAssertEqual(try CryptoTestSupport.call("crypto.x509.parse_and_verify_certificates", [.string("junk")]), unverified)
    }

    func testVerifyWithOptions() throws {
        let name = "crypto.x509.parse_and_verify_certificates_with_options"
        let chain = Value.string(CryptoX509Fixtures.chainWithIntermediate)
        let good = CryptoTestSupport.json(#"{"DNSName": "notarealsite.opa.localhost", "KeyUsages": ["KeyUsageServerAuth"]}"#)
        let verified = try CryptoTestSupport.call(name, [chain, good])
        XCTAssertEqual(verified?.arrayValue?.first, .true)
        XCTAssertEqual(verified?.arrayValue?.last?.arrayValue?.count, 3)
        XCTAssertNil(verified?.arrayValue?.last?.arrayValue?.first?["URIStrings"])

        let wrongHost = CryptoTestSupport.json(#"{"DNSName": "example.com"}"#)
        XCTAssertEqual(try CryptoTestSupport.call(name, [chain, wrongHost]), .array([.false, .emptyArray]))
        // 2040 is after the intermediate and root expire (2031).
        let late = CryptoTestSupport.json(#"{"CurrentTime": 2208988800000000000}"#)
        XCTAssertEqual(try CryptoTestSupport.call(name, [chain, late]), .array([.false, .emptyArray]))
        let codeSigning = CryptoTestSupport.json(#"{"KeyUsages": ["KeyUsageCodeSigning"]}"#)
        XCTAssertEqual(try CryptoTestSupport.call(name, [chain, codeSigning]), .array([.false, .emptyArray]))

        CryptoTestSupport.assertError(name, [chain, CryptoTestSupport.json(#"{"Foo": 1}"#)], contains: "invalid key option")
        CryptoTestSupport.assertError(
            name, [chain, CryptoTestSupport.json(#"{"KeyUsages": ["Nope", "Bad"]}"#)],
            contains: "invalid entries for 'KeyUsages' found: [Nope Bad]")
        CryptoTestSupport.assertError(
            name, [chain, CryptoTestSupport.json(#"{"DNSName": 1}"#)], contains: "'DNSName' should be a string")
        CryptoTestSupport.assertError(
            name, [chain, CryptoTestSupport.json(#"{"CurrentTime": 1.5}"#)],
            contains: "'CurrentTime' should be a valid int64 number")
    }

    func testParseCertificatesGoFields() throws {
        let parsed = try CryptoTestSupport.call("crypto.x509.parse_certificates", [.string(CryptoX509Fixtures.chainWithIntermediate)])
        guard case .array(let certificates)? = parsed, certificates.count == 3 else { return XCTFail("expected 3 certificates") }
        let root = certificates[0]
        XCTAssertEqual(root["Subject"]?["CommonName"], .string("OPA Test Root CA"))
        XCTAssertEqual(root["Subject"]?["Organization"], .array([.string("OPA Test")]))
        XCTAssertEqual(root["Subject"]?["Country"], .null)
        XCTAssertEqual(root["Issuer"]?["Names"]?.arrayValue?.first?["Type"], CryptoTestSupport.json("[2,5,4,10]"))
        XCTAssertEqual(root["NotBefore"], .string("2021-07-01T17:41:53Z"))
        XCTAssertEqual(root["NotAfter"], .string("2031-06-29T17:41:53Z"))
        XCTAssertEqual(root["Version"], .int(3))
        XCTAssertEqual(root["IsCA"], .true)
        XCTAssertEqual(root["BasicConstraintsValid"], .true)
        XCTAssertEqual(root["MaxPathLen"], .int(1))
        XCTAssertEqual(root["KeyUsage"], .int(96))
        XCTAssertEqual(root["SignatureAlgorithm"], .int(10))
        XCTAssertEqual(root["PublicKeyAlgorithm"], .int(3))
        XCTAssertEqual(root["PublicKey"]?["Curve"], .emptyObject)
        XCTAssertEqual(root["SerialNumber"], .number(Number(literal: "199198281155336502145185990653522959891")!))
        XCTAssertEqual(root["DNSNames"], .null)
        XCTAssertEqual(root["ExtKeyUsage"], .null)
        let leaf = certificates[2]
        XCTAssertEqual(leaf["ExtKeyUsage"], .array([.int(1), .int(2)]))
        XCTAssertEqual(leaf["DNSNames"], .array([.string("notarealsite.opa.localhost")]))
        XCTAssertEqual(leaf["MaxPathLen"], .int(0))
        XCTAssertEqual(leaf["BasicConstraintsValid"], .false)
        XCTAssertEqual(leaf["URIStrings"], .null)
        XCTAssertEqual(leaf["Extensions"]?.arrayValue?.count, 5)
        XCTAssertEqual(leaf["AuthorityKeyId"], root["SubjectKeyId"].flatMap { _ in certificates[1]["SubjectKeyId"] })
    }

    func testParseCertificatesFromBase64DERAndErrors() throws {
        let pem = CryptoX509Fixtures.chainWithURIs
        let body = pem.components(separatedBy: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let first = body.components(separatedBy: "MIIB1j").first ?? ""
        let parsed = try CryptoTestSupport.call("crypto.x509.parse_certificates", [.string(first)])
        XCTAssertEqual(parsed?.arrayValue?.count, 1)
        XCTAssertEqual(parsed?.arrayValue?.first?["Subject"]?["SerialNumber"], .string("2921201950809662622"))
        XCTAssertEqual(parsed?.arrayValue?.first?["NotAfter"], .string("2123-11-05T17:55:46Z"))
        XCTAssertEqual(try CryptoTestSupport.call("crypto.x509.parse_certificates", [.string("")]), .emptyArray)
        CryptoTestSupport.assertError("crypto.x509.parse_certificates", [.string("YmFkc3RyaW5n")], contains: "x509: malformed certificate")
        CryptoTestSupport.assertError("crypto.x509.parse_certificates", [.string("foobar!")], contains: "illegal base64 data at input byte 6")
        CryptoTestSupport.assertError(
            "crypto.x509.parse_certificates", [.string(CryptoX509Fixtures.csrPEM)],
            contains: "PEM block type is 'CERTIFICATE REQUEST', expected CERTIFICATE")
    }

    func testParseCertificateRequestForms() throws {
        for input in [CryptoX509Fixtures.csrBase64PEM, CryptoX509Fixtures.csrPEM, CryptoX509Fixtures.csrBase64DER] {
            let request = try CryptoTestSupport.call("crypto.x509.parse_certificate_request", [.string(input)])
            XCTAssertEqual(request?["Subject"]?["CommonName"], .string("example.com"))
            XCTAssertEqual(request?["Subject"]?["Country"], .array([.string("US")]))
            XCTAssertEqual(request?["Version"], .int(0))
            XCTAssertEqual(request?["PublicKeyAlgorithm"], .int(1))
            XCTAssertEqual(request?["SignatureAlgorithm"], .int(4))
            XCTAssertEqual(request?["PublicKey"]?["E"], .int(65537))
            XCTAssertEqual(request?["Attributes"], .null)
        }
        CryptoTestSupport.assertError(
            "crypto.x509.parse_certificate_request", [.string("YmFkc3RyaW5n")], contains: "asn1: structure error")
        CryptoTestSupport.assertError("crypto.x509.parse_certificate_request", [.string("foobar")], contains: "illegal base64")
    }

    func testParseKeyPair() throws {
        let pem = try CryptoTestSupport.call(
            "crypto.x509.parse_keypair",
            [.string(CryptoX509Fixtures.keyPairPEMCertificate), .string(CryptoX509Fixtures.keyPairPEMKey)])
        XCTAssertEqual(pem?["Certificate"]?.arrayValue?.first, .string(CryptoX509Fixtures.keyPairPEMExpected))
        XCTAssertEqual(pem?["Leaf"]?["Subject"]?["CommonName"], .string("example.com"))
        XCTAssertEqual(pem?["PrivateKey"]?["E"], .int(65537))
        XCTAssertEqual(pem?["OCSPStaple"], .null)
        let base64 = try CryptoTestSupport.call(
            "crypto.x509.parse_keypair",
            [.string(CryptoX509Fixtures.keyPairBase64Certificate), .string(CryptoX509Fixtures.keyPairBase64Key)])
        XCTAssertEqual(base64?["Certificate"]?.arrayValue?.first, .string(CryptoX509Fixtures.keyPairBase64Expected))
        CryptoTestSupport.assertError(
            "crypto.x509.parse_keypair",
            [.string(CryptoX509Fixtures.keyPairPEMCertificate), .string(CryptoX509Fixtures.keyPairBase64Key)],
            contains: "tls: private key does not match public key")
    }
}
