import Foundation
import PalisadeCore
import XCTest
@testable import Rego

/// http.send against a real server on 127.0.0.1 (see HTTPTestServer).
final class HTTPSendTests: XCTestCase {
    nonisolated(unsafe) static var server: HTTPTestServer?

    override class func setUp() {
        super.setUp()
        server = try? HTTPTestServer()
    }

    override class func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private var base: String { Self.server?.base ?? "http://127.0.0.1:1" }

    private func send(_ fields: [String: any HTTPTestValue], context: BuiltinContext = BuiltinContext()) throws -> Value {
        try XCTUnwrap(HTTPTestSupport.call("http.send", [fields.httpTestValue], context: context))
    }

    private func sendError(_ fields: [String: any HTTPTestValue], context: BuiltinContext = BuiltinContext()) -> BuiltinError? {
        HTTPTestSupport.error("http.send", [fields.httpTestValue], context: context)
    }

    private func unique() -> String { UUID().uuidString }

    override func setUpWithError() throws {
        try XCTSkipIf(Self.server == nil || Self.server?.port == 0, "test server did not start")
    }

    // MARK: Requests and responses

    func testGetDecodesJSONBody() throws {
        let response = try send(["method": "GET", "url": base + "/json"])
        XCTAssertEqual(response["status_code"], .int(200))
        XCTAssertEqual(response["status"], .string("200 OK"))
        XCTAssertEqual(response["body"], try HTTPTestSupport.json(#"{"hello": "world", "n": 1}"#))
        XCTAssertEqual(response["raw_body"], .string(#"{"hello": "world", "n": 1}"#))
        XCTAssertEqual(response["headers"]?["content-type"], .array([.string("application/json")]))
    }

    func testPostSendsBodyAsJSON() throws {
        let body = try HTTPTestSupport.json(#"{"b": "<x&y>", "a": [1, 2.5]}"#)
        let response = try send(["method": "post", "url": base + "/echo", "body": body])
        let echo = try XCTUnwrap(response["body"])
        XCTAssertEqual(echo["method"], .string("POST"))
        XCTAssertEqual(echo["body"], .string(#"{"a":[1,2.5],"b":"\u003cx\u0026y\u003e"}"#))
        XCTAssertEqual(response["headers"]?["x-test"], .array([.string("yes")]))
    }

    func testSetsBodyFromSet() throws {
        let response = try send(["method": "PUT", "url": base + "/echo",
                                 "body": Value.set([.int(3), .int(1), .int(2)])])
        XCTAssertEqual(response["body"]?["method"], .string("PUT"))
        XCTAssertEqual(response["body"]?["body"], .string("[1,2,3]"))
    }

    func testRawBodyIsSentVerbatim() throws {
        let response = try send(["method": "POST", "url": base + "/echo", "raw_body": "a=1&b=2",
                                 "body": ["ignored": true] as [String: any HTTPTestValue]])
        XCTAssertEqual(response["body"]?["body"], .string("a=1&b=2"))
    }

    func testGetWithBodyIsRefusedClearly() throws {
        let error = sendError(["method": "GET", "url": base + "/echo", "body": ["a": 1] as [String: any HTTPTestValue]])
        XCTAssertEqual(error?.code, .builtin)
        XCTAssertTrue(error?.message.hasPrefix("http.send: a request body cannot be sent with method GET") ?? false)
        let empty = try send(["method": "GET", "url": base + "/echo", "raw_body": ""])
        XCTAssertEqual(empty["body"]?["method"], .string("GET"))
    }

    func testHostHeaderOverridesRequestHost() throws {
        let response = try send(["method": "DELETE", "url": base + "/echo",
                                 "headers": ["Host": "example.org"] as [String: any HTTPTestValue]])
        XCTAssertEqual(response["body"]?["method"], .string("DELETE"))
        XCTAssertEqual(response["body"]?["headers"]?["host"], .string("example.org"))
    }

    func testHeaderInjectionIsRefused() throws {
        let url = base + "/echo"
        let value = sendError(["method": "GET", "url": url,
                               "headers": ["X-A": "ok\r\nX-Injected: 1"] as [String: any HTTPTestValue]])
        XCTAssertEqual(value?.message, "http.send: Get \"\(url)\": net/http: invalid header field value for \"X-A\"")
        let name = sendError(["method": "GET", "url": url,
                              "headers": ["bad name": "v"] as [String: any HTTPTestValue]])
        XCTAssertEqual(name?.message, "http.send: Get \"\(url)\": net/http: invalid header field name \"bad name\"")
    }

    func testUserInfoBecomesBasicAuthorization() throws {
        let url = base.replacingOccurrences(of: "http://", with: "http://alice:s%40cret@") + "/echo"
        let response = try send(["method": "GET", "url": url])
        XCTAssertEqual(response["body"]?["headers"]?["authorization"], .string("Basic YWxpY2U6c0BjcmV0"))
    }

    func testCustomHeadersAreCanonicalizedAndSent() throws {
        let response = try send(["method": "GET", "url": base + "/echo",
                                 "headers": ["x-custom-thing": "value 1", "Authorization": "Bearer t"] as [String: any HTTPTestValue]])
        let headers = try XCTUnwrap(response["body"]?["headers"])
        XCTAssertEqual(headers["x-custom-thing"], .string("value 1"))
        XCTAssertEqual(headers["authorization"], .string("Bearer t"))
        XCTAssertNotNil(headers["user-agent"])
    }

    func testNonSuccessStatusIsAResponseNotAnError() throws {
        let notFound = try send(["method": "GET", "url": base + "/status/404"])
        XCTAssertEqual(notFound["status_code"], .int(404))
        XCTAssertEqual(notFound["status"], .string("404 Not Found"))
        XCTAssertEqual(notFound["raw_body"], .string("status 404"))
        XCTAssertEqual(notFound["body"], .null)
        let failure = try send(["method": "GET", "url": base + "/status/503"])
        XCTAssertEqual(failure["status"], .string("503 Service Unavailable"))
    }

    func testDecodingOptions() throws {
        let plain = try send(["method": "GET", "url": base + "/text"])
        XCTAssertEqual(plain["body"], .null)
        let forced = try send(["method": "GET", "url": base + "/text", "force_json_decode": true])
        XCTAssertEqual(forced["body"], .object(fields: ["a": .int(1)]))
        let yaml = try send(["method": "GET", "url": base + "/yaml"])
        XCTAssertEqual(yaml["body"], try HTTPTestSupport.json(#"{"a": 1, "b": ["x", "y"]}"#))
        let invalid = try send(["method": "GET", "url": base + "/badjson"])
        XCTAssertEqual(invalid["body"], .null)
        XCTAssertEqual(invalid["raw_body"], .string(#"{"a": "#))
    }

    func testRedirectsAreReturnedUnlessEnabled() throws {
        let direct = try send(["method": "GET", "url": base + "/redirect"])
        XCTAssertEqual(direct["status_code"], .int(302))
        XCTAssertEqual(direct["headers"]?["location"], .array([.string("/json")]))
        let followed = try send(["method": "GET", "url": base + "/redirect", "enable_redirect": true])
        XCTAssertEqual(followed["status_code"], .int(200))
        XCTAssertEqual(followed["body"]?["hello"], .string("world"))
    }

    func testRedirectLoopStopsAfterTen() throws {
        let error = sendError(["method": "GET", "url": base + "/loop", "enable_redirect": true])
        XCTAssertEqual(error?.code, .builtin)
        XCTAssertTrue(error?.message.hasSuffix("stopped after 10 redirects") ?? false, "\(String(describing: error))")
    }

    // MARK: Failures

    func testTimeoutRaisesError() throws {
        let url = base + "/slow?ms=3000"
        let started = Date()
        let error = sendError(["method": "GET", "url": url, "timeout": "300ms"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.5)
        XCTAssertEqual(error?.code, .builtin)
        XCTAssertEqual(error?.message, "http.send: Get \(url): request timed out")
    }

    func testTimeoutAsNanosecondNumber() throws {
        let url = base + "/slow?ms=3000"
        let error = sendError(["method": "GET", "url": url, "timeout": 200_000_000])
        XCTAssertEqual(error?.message, "http.send: Get \(url): request timed out")
    }

    func testTimeoutWithRaiseErrorFalse() throws {
        let url = base + "/slow?ms=3000"
        let response = try send(["method": "GET", "url": url, "timeout": "200ms", "raise_error": false])
        XCTAssertEqual(response["status_code"], .int(0))
        XCTAssertEqual(response["error"]?["code"], .string("eval_http_send_network_error"))
        XCTAssertEqual(response["error"]?["message"], .string(
            "Get \"\(url)\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"))
    }

    func testConnectionRefused() throws {
        let url = "http://127.0.0.1:1/"
        let error = sendError(["method": "GET", "url": url])
        XCTAssertEqual(error?.code, .builtin)
        XCTAssertEqual(error?.message, "http.send: Get \"\(url)\": dial tcp 127.0.0.1:1: connect: connection refused")
        let response = try send(["method": "GET", "url": url, "raise_error": false])
        XCTAssertEqual(response, .object(fields: [
            "status_code": .int(0),
            "error": .object(fields: [
                "code": .string("eval_http_send_network_error"),
                "message": .string("Get \"\(url)\": dial tcp 127.0.0.1:1: connect: connection refused"),
            ]),
        ]))
    }

    func testOversizeBodyIsRejected() throws {
        for path in ["/big", "/bigstream"] {
            let error = sendError(["method": "GET", "url": base + path, "timeout": "20s"])
            XCTAssertEqual(error?.code, .builtin, path)
            XCTAssertEqual(error?.message, "http.send: response body exceeds the 16777216-byte limit", path)
        }
    }

    func testRetriesTransportFailures() throws {
        let url = base + "/dropfirst?id=" + unique()
        let response = try send(["method": "GET", "url": url, "max_retry_attempts": 2])
        XCTAssertEqual(response["body"]?["attempts"], .int(2))
        let invalid = sendError(["method": "GET", "url": url, "max_retry_attempts": -1])
        XCTAssertEqual(invalid?.message, "http.send: invalid value -1 for field \"max_retry_attempts\"")
    }

    func testOnlyHTTPSchemes() throws {
        let error = sendError(["method": "GET", "url": "ftp://127.0.0.1/file"])
        XCTAssertEqual(error?.message, "http.send: Get \"ftp://127.0.0.1/file\": unsupported protocol scheme \"ftp\"")
        let file = sendError(["method": "GET", "url": "file:///etc/passwd"])
        XCTAssertEqual(file?.message, "http.send: Get \"file:///etc/passwd\": unsupported protocol scheme \"file\"")
        let relative = sendError(["method": "GET", "url": "/relative"])
        XCTAssertEqual(relative?.message, "http.send: Get \"/relative\": unsupported protocol scheme \"\"")
    }

    func testTLSOptionsThatCannotBeAppliedAreRefused() throws {
        let error = sendError(["method": "GET", "url": "https://127.0.0.1:1/", "tls_insecure_skip_verify": true])
        XCTAssertEqual(error?.code, .builtin)
        XCTAssertTrue(error?.message.hasPrefix("http.send: tls_insecure_skip_verify is not supported") ?? false)
        // Plain http never uses TLS settings, in Go either.
        let plain = try send(["method": "GET", "url": base + "/json", "tls_insecure_skip_verify": true])
        XCTAssertEqual(plain["status_code"], .int(200))
    }

    // MARK: Validation (conformance: invalidkeyerror)

    func testInvalidKeys() {
        let error = sendError(["bad_key": "bad_value", "method": "get", "url": "http://127.0.0.1:51113"])
        XCTAssertEqual(error?.code, .type)
        XCTAssertEqual(error?.message, #"http.send: operand 1 invalid request parameters(s): {"bad_key"}"#)
    }

    func testMissingKeys() {
        let error = sendError(["method": "get"])
        XCTAssertEqual(error?.code, .type)
        XCTAssertEqual(error?.message, #"http.send: operand 1 missing required request parameters(s): {"url"}"#)
        let both = sendError([:])
        XCTAssertEqual(both?.message, #"http.send: operand 1 missing required request parameters(s): {"method", "url"}"#)
    }

    func testValidationErrorWithRaiseErrorFalse() throws {
        let response = try send(["bad": 1, "method": "get", "url": "x", "raise_error": false])
        XCTAssertEqual(response["status_code"], .int(0))
        XCTAssertEqual(response["error"]?["code"], .string("eval_http_send_internal_error"))
        XCTAssertEqual(response["error"]?["message"],
                       .string(#"eval_type_error: http.send: operand 1 invalid request parameters(s): {"bad"}"#))
    }

    func testOperandAndOptionTypes() {
        XCTAssertEqual(HTTPTestSupport.error("http.send", [.string("x")])?.message,
                       "http.send: operand 1 must be object but got string")
        XCTAssertEqual(sendError(["method": "GET", "url": "http://127.0.0.1:1", "raise_error": "no"])?.message,
                       "http.send: invalid value for raise_error field")
        XCTAssertEqual(sendError(["method": "GET", "url": 1])?.message, #"http.send: "url" must be a string"#)
        XCTAssertEqual(sendError(["method": "GET", "url": "http://127.0.0.1:1", "timeout": "abc"])?.message,
                       #"http.send: invalid timeout value "abc": time: invalid duration "abc""#)
        let typeError = sendError(["method": "GET", "url": "http://127.0.0.1:1", "timeout": true])
        XCTAssertEqual(typeError?.code, .type)
        XCTAssertEqual(typeError?.message, "http.send: operand 1 'timeout' must be one of {string, number} but got boolean")
        XCTAssertEqual(sendError(["method": "GET", "url": "http://127.0.0.1:1", "enable_redirect": "true"])?.message,
                       #"http.send: strconv.ParseBool: parsing "\"true\"": invalid syntax"#)
        XCTAssertEqual(sendError(["method": "GET", "url": "http://127.0.0.1:1",
                                  "headers": ["x": 1] as [String: any HTTPTestValue]])?.message,
                       #"http.send: invalid type for headers value "1""#)
        XCTAssertEqual(sendError(["method": "GET", "url": "http://127.0.0.1:1", "headers": Value.emptyArray])?.message,
                       "http.send: invalid type for headers key")
        XCTAssertEqual(sendError(["method": "GET", "url": "http://127.0.0.1:1", "cache": "yes"])?.message,
                       #"http.send: invalid value for "cache" field"#)
        XCTAssertEqual(sendError(["method": "GET", "url": "http://127.0.0.1:1", "force_cache": true])?.message,
                       "http.send: 'force_cache' set but 'force_cache_duration_seconds' parameter is missing")
        XCTAssertEqual(sendError(["method": "GET", "url": "http://[::1"])?.message,
                       #"http.send: parse "http://[::1": missing ']' in host"#)
        XCTAssertEqual(sendError(["method": "BAD METHOD", "url": "http://127.0.0.1:1"])?.message,
                       #"http.send: net/http: invalid method "BAD METHOD""#)
    }

    func testIsNondeterministic() throws {
        XCTAssertTrue(try HTTPTestSupport.builtin("http.send").isNondeterministic)
        XCTAssertFalse(try HTTPTestSupport.builtin("providers.aws.sign_req").isNondeterministic)
    }

    // MARK: Caching

    func testSameRequestInOneEvaluationIsSentOnce() throws {
        let context = BuiltinContext()
        let url = base + "/nostore?id=" + unique()
        let first = try send(["method": "GET", "url": url], context: context)
        let second = try send(["method": "GET", "url": url], context: context)
        XCTAssertEqual(first, second)
        let third = try send(["method": "GET", "url": url])
        XCTAssertNotEqual(first["body"]?["count"], third["body"]?["count"])
    }

    func testErrorsAreRememberedWithinAnEvaluation() throws {
        let context = BuiltinContext()
        let url = "http://127.0.0.1:1/"
        let first = sendError(["method": "GET", "url": url], context: context)
        let second = sendError(["method": "GET", "url": url], context: context)
        XCTAssertNotNil(first)
        XCTAssertEqual(first?.message, second?.message)
    }

    func testCacheIgnoredHeadersShareAnEntry() throws {
        let context = BuiltinContext()
        let url = base + "/nostore?id=" + unique()
        func request(_ trace: String) -> [String: any HTTPTestValue] {
            ["method": "GET", "url": url, "headers": ["X-Trace": trace] as [String: any HTTPTestValue],
             "cache_ignored_headers": ["X-Trace"] as [any HTTPTestValue]]
        }
        let first = try send(request("a"), context: context)
        let second = try send(request("b"), context: context)
        XCTAssertEqual(first["body"], second["body"])
    }

    func testCacheHonoursMaxAgeAcrossEvaluations() throws {
        let url = base + "/counter?id=" + unique()
        let first = try send(["method": "GET", "url": url, "cache": true])
        let second = try send(["method": "GET", "url": url, "cache": true])
        XCTAssertEqual(first["body"], second["body"])
        let uncached = try send(["method": "GET", "url": url])
        XCTAssertNotEqual(first["body"], uncached["body"])
    }

    func testNoStoreIsOnlyCachedWhenForced() throws {
        let url = base + "/nostore?id=" + unique()
        let plain1 = try send(["method": "GET", "url": url, "cache": true])
        let plain2 = try send(["method": "GET", "url": url, "cache": true])
        XCTAssertNotEqual(plain1["body"], plain2["body"])
        let forced: [String: any HTTPTestValue] = ["method": "GET", "url": url, "force_cache": true,
                                                   "force_cache_duration_seconds": 60]
        let forced1 = try send(forced)
        let forced2 = try send(forced)
        XCTAssertEqual(forced1["body"], forced2["body"])
    }

    func testStaleEntryIsRevalidatedWithETag() throws {
        let url = base + "/etag?id=" + unique()
        let before = try send(["method": "GET", "url": base + "/stats"])["body"]?["etag-304"]?.intValue ?? 0
        let first = try send(["method": "GET", "url": url, "cache": true])
        let second = try send(["method": "GET", "url": url, "cache": true])
        XCTAssertEqual(first["body"], second["body"])
        XCTAssertEqual(second["status_code"], .int(200))
        XCTAssertEqual(second["headers"]?["x-revalidated"], .array([.string("yes")]))
        let after = try send(["method": "GET", "url": base + "/stats"])["body"]?["etag-304"]?.intValue ?? 0
        XCTAssertEqual(after, before + 1)
    }
}
