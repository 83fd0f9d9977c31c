import PalisadeCore
import XCTest
@testable import Rego

/// providers.aws.sign_req: OPA's own cases (testdata/v1/providers-aws) and
/// vectors from AWS's published SigV4 test suite.
final class HTTPAWSSignTests: XCTestCase {
    private static let opaTime: Value = .int(1_451_311_705_000_000_000)  // 2015-12-28T14:08:25Z
    private static let suiteTime: Value = .int(1_440_938_160_000_000_000)  // 2015-08-30T12:36:00Z

    private func sign(_ request: String, _ config: String, _ time: Value = opaTime) throws -> Value? {
        try HTTPTestSupport.call("providers.aws.sign_req",
                                 [HTTPTestSupport.json(request), HTTPTestSupport.json(config), time])
    }

    private func signError(_ request: Value, _ config: Value, _ time: Value = opaTime) -> BuiltinError? {
        HTTPTestSupport.error("providers.aws.sign_req", [request, config, time])
    }

    private let opaConfig = #"{"aws_access_key": "MYAWSACCESSKEYGOESHERE", "aws_secret_access_key": "MYAWSSECRETACCESSKEYGOESHERE", "aws_service": "s3", "aws_region": "us-east-1"}"#

    private func opaConfig(disablePayloadSigning: Bool) -> String {
        String(opaConfig.dropLast()) + #", "disable_payload_signing": \#(disablePayloadSigning)}"#
    }

    // MARK: OPA's test cases

    func testOPASimpleNoBody() throws {
        let signed = try sign(#"{"method": "get", "url": "http://example.com"}"#, opaConfig)
        XCTAssertEqual(signed, try HTTPTestSupport.json(#"""
            {"headers": {
                "Authorization": "AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=0047a7016c81e5c7f29cd522f97e911e04fc472fced0aee7916cbc287ad6c8e3",
                "host": "example.com",
                "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "x-amz-date": "20151228T140825Z"},
             "method": "get", "url": "http://example.com"}
            """#))
    }

    func testOPAWithHeaders() throws {
        let signed = try sign(#"{"method": "get", "url": "http://example.com", "headers": {"foo": "bar"}}"#, opaConfig)
        XCTAssertEqual(signed?["headers"]?["Authorization"], .string(
            "AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,SignedHeaders=foo;host;x-amz-content-sha256;x-amz-date,Signature=8f1dc7c9b9978356a0d0989fd26a95307f4f8a4aa264d8220647b7097d839952"))
        XCTAssertEqual(signed?["headers"]?["foo"], .string("bar"))
    }

    func testOPASessionToken() throws {
        let config = String(opaConfig.dropLast()) + #", "aws_session_token": "MYAWSSECURITYTOKENGOESHERE"}"#
        let signed = try sign(#"{"method": "get", "url": "http://example.com"}"#, config)
        XCTAssertEqual(signed?["headers"]?["Authorization"], .string(
            "AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,Signature=23c31bda8a74630c0a94f6b82a3511e7e74728df98e6f54ed0840488dbbdc8d1"))
        XCTAssertEqual(signed?["headers"]?["x-amz-security-token"], .string("MYAWSSECURITYTOKENGOESHERE"))
    }

    func testOPABodyIsSignedAsJSON() throws {
        let signed = try sign(#"{"method": "get", "url": "http://example.com", "body": {"example": [1, 2, 3, 4]}}"#, opaConfig)
        XCTAssertEqual(signed?["headers"]?["x-amz-content-sha256"],
                       .string("bacff6243c850423883052ac3c336fd645994442933408dfd3f9e858e69bda07"))
        XCTAssertEqual(signed?["headers"]?["Authorization"], .string(
            "AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=5fb06ab1cfd74c8fcb3af95b8cce696708cf6155d971dac10f254d79799c6e88"))
        XCTAssertEqual(signed?["body"], try HTTPTestSupport.json(#"{"example": [1, 2, 3, 4]}"#))
    }

    func testOPASetBodyIsSignedAsSortedArray() throws {
        let request = Value.object(fields: [
            "method": .string("get"), "url": .string("http://example.com"),
            "body": .object(fields: ["example": .set([.int(4), .int(2), .int(3), .int(1)])]),
        ])
        let signed = try HTTPTestSupport.call("providers.aws.sign_req",
                                              [request, try HTTPTestSupport.json(opaConfig), Self.opaTime])
        XCTAssertEqual(signed?["headers"]?["x-amz-content-sha256"],
                       .string("bacff6243c850423883052ac3c336fd645994442933408dfd3f9e858e69bda07"))
    }

    func testOPARawBodyWinsOverBody() throws {
        let expected = "AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=5bf26e169cb8b02330dba39d53932532438fc856c2f10537689a09ed807c7195"
        let raw = try sign(#"{"method": "get", "url": "http://example.com", "raw_body": "{\"example\": {1, 2, 3, 4}}"}"#, opaConfig)
        XCTAssertEqual(raw?["headers"]?["Authorization"], .string(expected))
        XCTAssertEqual(raw?["headers"]?["x-amz-content-sha256"],
                       .string("22906461e2a98a3e780d0fd260e341bed5e544661e97c5936fc7f3af11aaad8b"))
        let both = try sign(#"{"method": "get", "url": "http://example.com", "body": {"example": [1, 2, 3, 4]}, "raw_body": "{\"example\": {1, 2, 3, 4}}"}"#, opaConfig)
        XCTAssertEqual(both?["headers"]?["Authorization"], .string(expected))
    }

    func testOPAPayloadSigningOptions() throws {
        let noBody = #"{"method": "get", "url": "https://example.com", "headers": {"foo": "bar"}}"#
        let withBody = #"{"method": "get", "url": "https://example.com", "headers": {"foo": "bar"}, "body": {"example": [1, 2, 3, 4]}}"#
        let existing = #"{"method": "get", "url": "https://example.com", "headers": {"foo": "bar", "x-amz-content-sha256": "existing-value"}, "body": {"example": [1, 2, 3, 4]}}"#
        let cases: [(String, Bool, String, String)] = [
            (noBody, false, "8f1dc7c9b9978356a0d0989fd26a95307f4f8a4aa264d8220647b7097d839952",
             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (noBody, true, "c6e6db654e92172f71e18c714c123711de069ac6fd7df1348e5b28fd05532028", "UNSIGNED-PAYLOAD"),
            (withBody, false, "f6703a8727ec0a32f81b225a002f622e511e8a7d2ca8914894fcbb7a71d8d9d8",
             "bacff6243c850423883052ac3c336fd645994442933408dfd3f9e858e69bda07"),
            (withBody, true, "c6e6db654e92172f71e18c714c123711de069ac6fd7df1348e5b28fd05532028", "UNSIGNED-PAYLOAD"),
            (existing, false, "42bcac7fc6d170e09be72fdf38b62e59361265bc59d5f9156f0d6faf889e98ba",
             "bacff6243c850423883052ac3c336fd645994442933408dfd3f9e858e69bda07"),
            (existing, true, "edcd3ca3fd3acdfbcecad1a1d8062dbc6562d90352e294c336f9727397f9c383", "UNSIGNED-PAYLOAD"),
        ]
        for (request, disabled, signature, contentHash) in cases {
            let signed = try sign(request, opaConfig(disablePayloadSigning: disabled))
            let headers = try XCTUnwrap(signed?["headers"])
            XCTAssertEqual(headers["Authorization"], .string(
                "AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,SignedHeaders=foo;host;x-amz-content-sha256;x-amz-date,Signature=\(signature)"))
            XCTAssertEqual(headers["x-amz-content-sha256"], .string(contentHash))
            XCTAssertEqual(headers["host"], .string("example.com"))
        }
    }

    // MARK: AWS Signature Version 4 test suite (example.amazonaws.com, service "service")

    private let suiteConfig = #"{"aws_access_key": "AKIDEXAMPLE", "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "aws_service": "service", "aws_region": "us-east-1"}"#

    private func suiteAuthorization(_ method: String, _ path: String, headers: String = "{}", rawBody: String? = nil,
                                    config: String? = nil) throws -> String? {
        var request = #"{"method": "\#(method)", "url": "https://example.amazonaws.com\#(path)", "headers": \#(headers)"#
        if let rawBody { request += #", "raw_body": "\#(rawBody)""# }
        request += "}"
        return try sign(request, config ?? suiteConfig, Self.suiteTime)?["headers"]?["Authorization"]?.stringValue
    }

    private func suiteExpected(_ signedHeaders: String, _ signature: String) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,SignedHeaders=\(signedHeaders),Signature=\(signature)"
    }

    func testSuiteGetVanilla() throws {
        XCTAssertEqual(try suiteAuthorization("GET", "/"),
                       suiteExpected("host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"))
    }

    func testSuitePostVanilla() throws {
        XCTAssertEqual(try suiteAuthorization("POST", "/"),
                       suiteExpected("host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"))
    }

    func testSuiteQueries() throws {
        XCTAssertEqual(try suiteAuthorization("GET", "/?Param1=value1&Param2=value2"),
                       suiteExpected("host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"))
        XCTAssertEqual(try suiteAuthorization("POST", "/?Param1=value1"),
                       suiteExpected("host;x-amz-date", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"))
        XCTAssertEqual(try suiteAuthorization("GET", "/?%E1%88%B4=bar"),
                       suiteExpected("host;x-amz-date", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"))
    }

    func testSuitePathEscaping() throws {
        XCTAssertEqual(try suiteAuthorization("GET", "/\u{1234}"),
                       suiteExpected("host;x-amz-date", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"))
        XCTAssertEqual(try suiteAuthorization("GET", "/example space/"),
                       suiteExpected("host;x-amz-date", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"))
        XCTAssertEqual(try suiteAuthorization("GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
                       suiteExpected("host;x-amz-date", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"))
    }

    func testSuiteHeaders() throws {
        XCTAssertEqual(try suiteAuthorization("POST", "/", headers: #"{"My-Header1": "value1"}"#),
                       suiteExpected("host;my-header1;x-amz-date", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"))
        XCTAssertEqual(try suiteAuthorization("POST", "/", headers: #"{"My-Header1": "VALUE1"}"#),
                       suiteExpected("host;my-header1;x-amz-date", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"))
        XCTAssertEqual(try suiteAuthorization("GET", "/", headers: #"{"My-Header1": "value4,value1,value3,value2"}"#),
                       suiteExpected("host;my-header1;x-amz-date", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"))
        // Headers proxies rewrite are not signed.
        XCTAssertEqual(try suiteAuthorization("GET", "/", headers: #"{"User-Agent": "x", "X-Amzn-Trace-Id": "y"}"#),
                       suiteExpected("host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"))
    }

    func testSuiteFormBody() throws {
        XCTAssertEqual(try suiteAuthorization("POST", "/", headers: #"{"Content-Type": "application/x-www-form-urlencoded"}"#,
                                              rawBody: "Param1=value1"),
                       suiteExpected("content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"))
    }

    func testSuiteSessionTokenIsSigned() throws {
        let token = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="
        let config = String(suiteConfig.dropLast()) + #", "aws_session_token": "\#(token)"}"#
        XCTAssertEqual(try suiteAuthorization("POST", "/", config: String(config)),
                       suiteExpected("host;x-amz-date;x-amz-security-token",
                                     "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"))
    }

    /// The S3 "GET Object" example from AWS's SigV4 header-authentication documentation.
    func testS3GetObjectExample() throws {
        let config = #"{"aws_access_key": "AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_service": "s3", "aws_region": "us-east-1"}"#
        let signed = try sign(#"{"method": "GET", "url": "https://examplebucket.s3.amazonaws.com/test.txt", "headers": {"Range": "bytes=0-9"}}"#,
                              config, .int(1_369_353_600_000_000_000))
        XCTAssertEqual(signed?["headers"]?["Authorization"], .string(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"))
        XCTAssertEqual(signed?["headers"]?["x-amz-date"], .string("20130524T000000Z"))
        XCTAssertEqual(signed?["headers"]?["Range"], .string("bytes=0-9"))
    }

    // MARK: Errors

    func testConfigErrors() throws {
        let request = try HTTPTestSupport.json(#"{"method": "get", "url": "http://example.com"}"#)
        let missing = signError(request, .emptyObject)
        XCTAssertEqual(missing?.code, .type)
        XCTAssertEqual(missing?.message, #"providers.aws.sign_req: operand 2 missing required AWS config parameters(s): {"aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"}"#)
        let invalid = signError(request, try HTTPTestSupport.json(#"{"aws_access_key": "a", "aws_secret_access_key": "b", "aws_service": "s3", "aws_region": 1}"#))
        XCTAssertEqual(invalid?.message, #"providers.aws.sign_req: operand 2 invalid values for required AWS config parameters(s): {"aws_region"}"#)
        let flag = signError(request, try HTTPTestSupport.json(String(opaConfig.dropLast()) + #", "disable_payload_signing": "yes"}"#))
        XCTAssertEqual(flag?.message, "providers.aws.sign_req: operand 2 invalid value for 'disable_payload_signing' in AWS config")
    }

    func testRequestAndTimeErrors() throws {
        let config = try HTTPTestSupport.json(opaConfig)
        XCTAssertEqual(signError(.string("x"), config)?.message, "providers.aws.sign_req: operand 1 must be object but got string")
        XCTAssertEqual(signError(try HTTPTestSupport.json(#"{"method": "get"}"#), config)?.message,
                       #"providers.aws.sign_req: operand 1 missing required request parameters(s): {"url"}"#)
        XCTAssertEqual(signError(try HTTPTestSupport.json(#"{"method": "get", "url": "u", "nope": 1}"#), config)?.message,
                       #"providers.aws.sign_req: operand 1 invalid request parameters(s): {"nope"}"#)
        XCTAssertEqual(signError(try HTTPTestSupport.json(#"{"method": 1, "url": 2}"#), config)?.message,
                       #"providers.aws.sign_req: operand 1 invalid values for required request parameters(s): {"method", "url"}"#)
        let request = try HTTPTestSupport.json(#"{"method": "get", "url": "http://example.com"}"#)
        XCTAssertEqual(signError(request, config, .double(1.5))?.message,
                       "providers.aws.sign_req: operand 3 could not convert time_ns value into a unix timestamp")
        XCTAssertEqual(signError(request, config, .string("now"))?.code, .type)
        XCTAssertEqual(signError(try HTTPTestSupport.json(#"{"method": "get", "url": "http://example.com", "headers": []}"#), config)?.message,
                       "providers.aws.sign_req: operand 0 must be object but got array")
    }

    func testSigningTimeFormatting() {
        XCTAssertEqual(AWSSigV4.formatTime(0).timestamp, "19700101T000000Z")
        XCTAssertEqual(AWSSigV4.formatTime(1_451_311_705_000_000_000).timestamp, "20151228T140825Z")
        XCTAssertEqual(AWSSigV4.formatTime(951_782_400_000_000_000).date, "20000229")
        XCTAssertEqual(AWSSigV4.formatTime(-1).timestamp, "19691231T235959Z")
    }
}
