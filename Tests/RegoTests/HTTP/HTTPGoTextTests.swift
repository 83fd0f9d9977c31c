import PalisadeCore
import XCTest
@testable import Rego

/// The Go standard-library behaviour the HTTP builtins reproduce.
final class HTTPGoTextTests: XCTestCase {
    private func duration(_ text: String) -> Int64? { try? HTTPGoText.parseDuration(text).get() }

    private func durationError(_ text: String) -> String? {
        guard case .failure(.plain(let message)) = HTTPGoText.parseDuration(text) else { return nil }
        return message
    }

    func testParseDuration() {
        XCTAssertEqual(duration("0"), 0)
        XCTAssertEqual(duration("5s"), 5_000_000_000)
        XCTAssertEqual(duration("1h30m"), 5_400_000_000_000)
        XCTAssertEqual(duration("1.5s"), 1_500_000_000)
        XCTAssertEqual(duration("300ms"), 300_000_000)
        XCTAssertEqual(duration("-2us"), -2_000)
        XCTAssertEqual(duration("2\u{00B5}s"), 2_000)
        XCTAssertEqual(duration(".5m"), 30_000_000_000)
        XCTAssertEqual(durationError("abc"), #"time: invalid duration "abc""#)
        XCTAssertEqual(durationError("1"), #"time: missing unit in duration "1""#)
        XCTAssertEqual(durationError("1x"), #"time: unknown unit "x" in duration "1x""#)
        XCTAssertEqual(durationError(""), #"time: invalid duration """#)
        XCTAssertEqual(durationError("9999999999h"), #"time: invalid duration "9999999999h""#)
        XCTAssertEqual(durationError("9223372036854775808ns9223372036854775808ns"),
                       #"time: invalid duration "9223372036854775808ns9223372036854775808ns""#)
        XCTAssertEqual(duration("-9223372036854775808ns"), Int64.min)
    }

    func testParseInt() {
        XCTAssertEqual(try? HTTPGoText.parseInt("60", bits: 32).get(), 60)
        XCTAssertEqual(try? HTTPGoText.parseInt("-2147483648", bits: 32).get(), -2_147_483_648)
        guard case .failure(.plain(let range)) = HTTPGoText.parseInt("2147483648", bits: 32) else {
            return XCTFail("expected a range error")
        }
        XCTAssertEqual(range, #"strconv.ParseInt: parsing "2147483648": value out of range"#)
        guard case .failure(.plain(let syntax)) = HTTPGoText.parseInt("\"60\"", bits: 32) else {
            return XCTFail("expected a syntax error")
        }
        XCTAssertEqual(syntax, #"strconv.ParseInt: parsing "\"60\"": invalid syntax"#)
    }

    func testQuoteAndRegoText() {
        XCTAssertEqual(HTTPGoText.quote("a\"b\\c\n\u{1}é"), #""a\"b\\c\n\x01é""#)
        XCTAssertEqual(HTTPGoText.setText([.string("url"), .string("method")]), #"{"method", "url"}"#)
        XCTAssertEqual(HTTPGoText.regoText(.array([.int(1), .string("x"), .null])), #"[1, "x", null]"#)
        XCTAssertEqual(HTTPGoText.regoText(.object(fields: ["b": .true, "a": .int(2)])), #"{"a": 2, "b": true}"#)
    }

    func testCanonicalHeaderKey() {
        XCTAssertEqual(HTTPGoText.canonicalHeaderKey("content-type"), "Content-Type")
        XCTAssertEqual(HTTPGoText.canonicalHeaderKey("X-AMZ-DATE"), "X-Amz-Date")
        XCTAssertEqual(HTTPGoText.canonicalHeaderKey("bad key"), "bad key")
    }

    func testURLParsing() throws {
        let url = try HTTPGoURL.parse("https://user@example.com:8443/a b/%41?x=1&y=%20#frag").get()
        XCTAssertEqual(url.scheme, "https")
        XCTAssertEqual(url.host, "example.com:8443")
        XCTAssertEqual(url.hostname, "example.com")
        XCTAssertEqual(url.port, "8443")
        XCTAssertEqual(url.path, "/a b/A")
        XCTAssertEqual(url.escapedPath, "/a%20b/A")
        XCTAssertEqual(url.rawQuery, "x=1&y=%20")
        XCTAssertEqual(try HTTPGoURL.parse("http://example.com/%41b").get().escapedPath, "/%41b")
        XCTAssertEqual(try HTTPGoURL.parse("http://example.com").get().escapedPath, "")
        guard case .failure(let error) = HTTPGoURL.parse("http://example.com/%zz") else { return XCTFail() }
        XCTAssertEqual(error.message, #"parse "http://example.com/%zz": invalid URL escape "%zz""#)
        guard case .failure(let colon) = HTTPGoURL.parse(":foo") else { return XCTFail() }
        XCTAssertEqual(colon.message, #"parse ":foo": missing protocol scheme"#)
    }

    func testResponseHelpers() {
        XCTAssertTrue(HTTPSendResponse.isJSON("application/json; charset=utf-8"))
        XCTAssertTrue(HTTPSendResponse.isJSON("Application/Problem+JSON"))
        XCTAssertFalse(HTTPSendResponse.isJSON("text/json"))
        XCTAssertEqual(HTTPSendResponse.statusLine(418), "418 I'm a teapot")
        XCTAssertEqual(HTTPSendCacheHeaders.parseHTTPDate("Sun, 06 Nov 1994 08:49:37 GMT"), 784_111_777_000_000_000)
        XCTAssertEqual(HTTPSendCacheHeaders.parseHTTPDate("Sunday, 06-Nov-94 08:49:37 GMT"), 784_111_777_000_000_000)
        XCTAssertEqual(HTTPSendCacheHeaders.parseHTTPDate("Sun Nov  6 08:49:37 1994"), 784_111_777_000_000_000)
        XCTAssertNil(HTTPSendCacheHeaders.parseHTTPDate("0"))
    }

    func testSharedCacheIsBounded() {
        let cache = HTTPSendSharedCache(maximumEntries: 2, maximumBytes: 10)
        let response = HTTPSendRawResponse(statusCode: 200, headers: [:], body: Array("12345".utf8))
        cache.insert(.string("a"), response: response, expiresAt: 0)
        cache.insert(.string("b"), response: response, expiresAt: 0)
        cache.insert(.string("c"), response: response, expiresAt: 0)
        XCTAssertNil(cache.lookup(.string("a")))
        XCTAssertNotNil(cache.lookup(.string("c")))
        cache.insert(.string("huge"), response: HTTPSendRawResponse(statusCode: 200, headers: [:], body: Array(repeating: 0, count: 11)), expiresAt: 0)
        XCTAssertNil(cache.lookup(.string("huge")))
    }
}
