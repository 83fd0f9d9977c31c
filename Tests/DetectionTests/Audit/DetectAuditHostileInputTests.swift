import XCTest
@testable import Detection

/// Hostile payloads must be rejected or decoded, never crash; the decoded
/// text follows RFC 8259 and Swift's UTF-8 repair (invalid bytes → U+FFFD).
final class DetectAuditHostileInputTests: XCTestCase {
    func decodeReporting(_ text: [UInt8]) throws -> (events: [AuditEvent], errors: [AuditDecodeError]) {
        try AuditEventDecoder.decodeReporting(text, maxBytes: 1 << 24)
    }

    func event(_ body: String) throws -> AuditEvent {
        let json = "{\"kind\":\"Event\",\"stageTimestamp\":\"2018-10-25T13:58:49.730588Z\",\(body)}"
        return try XCTUnwrap(AuditEventDecoder.decode(Array(json.utf8), maxBytes: 1 << 24).first)
    }

    func testDeepNestingIsRejectedAtTheDepthBound() throws {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let deep = String(repeating: open, count: 100_000) + "1" + String(repeating: close, count: 100_000)
            let result = try decodeReporting(Array(deep.utf8))
            XCTAssertTrue(result.events.isEmpty)
            XCTAssertTrue(result.errors.first?.reason.contains("nested deeper than 256 levels") == true, "\(result.errors)")
        }
        // Just inside the bound: decodes (as a non-event).
        let ok = String(repeating: "[", count: 255) + String(repeating: "]", count: 255)
        XCTAssertEqual(try decodeReporting(Array(ok.utf8)).errors.first?.reason, "data not recognized as a k8s audit event")
    }

    func testHugeStringsDecodeAndRender() throws {
        // Just under maxEventSize once re-encoded.
        let big = String(repeating: "x", count: 250_000)
        let plain = try event("\"verb\":\"\(big)\"")
        XCTAssertEqual(detectAuditField(plain, "ka.verb"), .string(big))
        let escaped = try event("\"verb\":\"\(String(repeating: "\\n\\u00e9", count: 60_000))\"")
        XCTAssertEqual(detectAuditField(escaped, "ka.verb"), .string(String(repeating: "\né", count: 60_000)))
        XCTAssertEqual(escaped.json["verb"]?.compactJSON, "\"" + String(repeating: "\\né", count: 60_000) + "\"")
    }

    func testLargeEventsAreCheckedAgainstMaxEventSize() throws {
        let body = "\"verb\":\"\(String(repeating: "y", count: AuditEventDecoder.maxEventSize))\""
        let json = "{\"kind\":\"Event\",\"stageTimestamp\":\"2018-10-25T13:58:49.730588Z\",\(body)}"
        let result = try decodeReporting(Array(json.utf8))
        XCTAssertTrue(result.events.isEmpty)
        XCTAssertEqual(result.errors.first?.reason.hasPrefix("event larger than maxEventSize: size="), true)
    }

    func testInvalidUTF8BecomesReplacementCharacters() throws {
        var bytes = Array("{\"kind\":\"Event\",\"stageTimestamp\":\"2018-10-25T13:58:49.730588Z\",\"verb\":\"a".utf8)
        bytes += [0xFF, 0xC3]
        bytes += Array("\",\"user\":{\"username\":\"".utf8) + [0xE2, 0x82] + Array("b\"}}".utf8)
        let event = try XCTUnwrap(AuditEventDecoder.decode(bytes, maxBytes: 1 << 20).first)
        XCTAssertEqual(detectAuditField(event, "ka.verb"), .string("a\u{FFFD}\u{FFFD}"))
        XCTAssertEqual(detectAuditField(event, "ka.user.name"), .string("\u{FFFD}b"))
        XCTAssertEqual(detectAuditField(event, "jevt.value", "/user"), .string("{\"username\":\"\u{FFFD}b\"}"))
    }

    func testEscapesDecodeInKeysAndValues() throws {
        let event = try event(#""ve\u0072b":"a\/b\"c\\d\t\u0001\ud83d\ude00\ud800x""#)
        XCTAssertEqual(detectAuditField(event, "ka.verb"), .string("a/b\"c\\d\t\u{01}😀\u{FFFD}x"))
        XCTAssertEqual(event.json["verb"]?.compactJSON, #""a/b\"c\\d\t\u0001😀�x""#)
    }

    func testEscapesRenderAsWriteStringWrites() throws {
        // Written as they are: already in writeString's form.
        let same = try event(#""verb":"a\"b\\c\u0001\n\t""#)
        XCTAssertEqual(same.json["verb"]?.compactJSON, #""a\"b\\c\u0001\n\t""#)
        // Re-encoded: upper-case hex, escaped slash, \u form of a short escape, non-control \u.
        let other = try event(#""verb":"\u001F\/\u000a\u0041""#)
        XCTAssertEqual(other.json["verb"]?.compactJSON, #""\u001f/\nA""#)
        for value in [same.json, other.json] {
            XCTAssertEqual(value.compactByteCount, value.compactJSON.utf8.count)
        }
    }

    func testQuotesEscapesAndControlsAreFoundAtEveryOffset() throws {
        for offset in 0..<24 {
            let pad = String(repeating: "x", count: offset)
            let event = try event("\"verb\":\"\(pad)\\\"\(pad)é\"")
            XCTAssertEqual(detectAuditField(event, "ka.verb"), .string(pad + "\"" + pad + "é"))
            var bytes = Array("{\"verb\":\"\(pad)".utf8) + [0x1F] + Array("\"}".utf8)
            XCTAssertEqual(try decodeReporting(bytes).errors.first?.reason.hasSuffix("control character in string"), true)
            bytes = Array("{\"verb\":\"\(pad)".utf8)
            XCTAssertEqual(try decodeReporting(bytes).errors.first?.reason.hasSuffix("unterminated string"), true)
        }
    }

    func testEveryTruncationIsReportedWithoutCrashing() throws {
        let bytes = Array(detectAuditSample.utf8)
        for length in 0..<bytes.count {
            let result = try decodeReporting(Array(bytes[0..<length]))
            XCTAssertTrue(result.events.isEmpty, "prefix of \(length) bytes decoded")
            if length > 0 { XCTAssertFalse(result.errors.isEmpty, "prefix of \(length) bytes") }
        }
    }

    func testMalformedTokensAreRejected() throws {
        let cases = ["{\"a\":tru}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}",
                     "{\"a\":\"\\u12G4\"}", "{\"a\":\"\u{01}\"}", "{\"a\" 1}", "{1:2}", "[1,]", "[1 2]", "{\"a\":\"x",
                     "\"\\", "[", "{", "\u{0}"]
        for text in cases {
            let reason = try decodeReporting(Array(text.utf8)).errors.first?.reason
            XCTAssertEqual(reason?.hasPrefix("invalid JSON at byte"), true, "\(text): \(reason ?? "no error")")
        }
    }

    func testRandomBytesNeverCrash() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{}[]\":,\\u0aeE-.1 \n".utf8) + [0xFF, 0xC3, 0x00]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<64, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            _ = try decodeReporting(bytes)
        }
    }
}
