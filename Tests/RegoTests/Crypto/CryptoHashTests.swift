import PalisadeCore
import XCTest

@testable import Rego

final class CryptoHashTests: XCTestCase {
    private func call(_ name: String, _ operands: [Value]) throws -> Value? {
        try CryptoTestSupport.call(name, operands)
    }

    func testDigestsAreLowerCaseHex() throws {
        XCTAssertEqual(try call("crypto.md5", [.string("lorem ipsum")]), .string("80a751fde577028640c419000e33eba6"))
        XCTAssertEqual(try call("crypto.sha1", [.string("lorem ipsum")]), .string("bfb7759a67daeb65410490b4d98bb9da7d1ea2ce"))
        XCTAssertEqual(
            try call("crypto.sha256", [.string("")]),
            .string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    }

    func testHMACsMatchOPA() throws {
        let plain: [Value] = [.string("foo"), .string("bar")]
        XCTAssertEqual(try call("crypto.hmac.md5", plain), .string("31b6db9e5eb4addb42f1a6ca07367adc"))
        XCTAssertEqual(try call("crypto.hmac.sha1", plain), .string("85d155c55ed286a300bd1cf124de08d87e914f3a"))
        XCTAssertEqual(
            try call("crypto.hmac.sha256", plain),
            .string("147933218aaabc0b8b10a2b3a5c34684c8d94341bcf10a4736dc7270f7741851"))
        XCTAssertEqual(
            try call("crypto.hmac.sha512", plain),
            .string(
                "24257d7210582a65c731ec55159c8184cc24c02489453e58587f71f44c23a2d61b4b72154a89d17b2d49448a8452ea066f4fc56a2bcead45c088572ffccdb3d8"
            ))
    }

    func testHMACsHashUTF8Bytes() throws {
        let unicode: [Value] = [.string("åäöçß🥲♙Ω"), .string("秘密の")]
        XCTAssertEqual(try call("crypto.hmac.md5", unicode), .string("20a8743c2157ac60b7e8b79c83651b8d"))
        XCTAssertEqual(try call("crypto.hmac.sha1", unicode), .string("81759c39013935fcf0de833d44c8018d7c1455dd"))
        XCTAssertEqual(
            try call("crypto.hmac.sha256", unicode),
            .string("eb90daeb76d4b2571fbdaf94bbb240809faa8fed93ec0c260dd38c3fdf8d963a"))
        XCTAssertEqual(
            try call("crypto.hmac.sha512", unicode),
            .string(
                "192f5afded233d6e21427aa26ed267ac118cfa2971013d91cbed530c0b208d78138b83dfe1d6cc3553d7bd518f22a481402c723028e1279d1ffbe8f11ea6b125"
            ))
    }

    func testHMACEqual() throws {
        XCTAssertEqual(try call("crypto.hmac.equal", [.string("abc"), .string("abc")]), .true)
        XCTAssertEqual(try call("crypto.hmac.equal", [.string("abc"), .string("abd")]), .false)
        XCTAssertEqual(try call("crypto.hmac.equal", [.string("abc"), .string("abcd")]), .false)
    }

    func testOperandTypeErrors() {
        CryptoTestSupport.assertError(
            "crypto.sha256", [.int(1)], contains: "operand 1 must be string but got number", code: .type)
        CryptoTestSupport.assertError(
            "crypto.hmac.sha256", [.string("m"), .null], contains: "operand 2 must be string but got null", code: .type)
    }

    func testGoBase64Errors() {
        XCTAssertThrowsError(try CryptoBase64.decode(Array("invalid".utf8))) { error in
            XCTAssertEqual((error as? CryptoFailure)?.message, "illegal base64 data at input byte 4")
        }
        XCTAssertEqual(try CryptoBase64.decode(Array("Zm9v\nYmFy".utf8)), Array("foobar".utf8))
        XCTAssertEqual(try CryptoBase64.decodeURLLenient("Zm8"), Array("fo".utf8))
        XCTAssertThrowsError(try CryptoBase64.decodeURLLenient("Zm9vY"))
    }
}

final class CryptoRegistryTests: XCTestCase {
    func testGroupRegistersEveryBuiltinOnce() {
        let names = CryptoBuiltins.all.map(\.name)
        XCTAssertEqual(names.count, Set(names).count)
        let expected: Set<String> = [
            "crypto.hmac.equal", "crypto.hmac.md5", "crypto.hmac.sha1", "crypto.hmac.sha256", "crypto.hmac.sha512",
            "crypto.md5", "crypto.sha1", "crypto.sha256", "crypto.parse_private_keys",
            "crypto.x509.parse_and_verify_certificates", "crypto.x509.parse_and_verify_certificates_with_options",
            "crypto.x509.parse_certificate_request", "crypto.x509.parse_certificates", "crypto.x509.parse_keypair",
            "crypto.x509.parse_rsa_private_key", "io.jwt.decode", "io.jwt.decode_verify", "io.jwt.encode_sign",
            "io.jwt.encode_sign_raw", "io.jwt.verify_eddsa", "io.jwt.verify_es256", "io.jwt.verify_es384",
            "io.jwt.verify_es512", "io.jwt.verify_hs256", "io.jwt.verify_hs384", "io.jwt.verify_hs512",
            "io.jwt.verify_ps256", "io.jwt.verify_ps384", "io.jwt.verify_ps512", "io.jwt.verify_rs256",
            "io.jwt.verify_rs384", "io.jwt.verify_rs512",
        ]
        XCTAssertEqual(Set(names), expected)
    }
}
