import XCTest
@testable import Detection

final class DetectAuditDecoderTests: XCTestCase {
    func testSingleEventEventListArrayAndLines() throws {
        let one = detectAuditSample
        XCTAssertEqual(try AuditEventDecoder.decode(Array(one.utf8), maxBytes: 1 << 20).count, 1)
        let list = "{\"kind\":\"EventList\",\"items\":[\(one),\(one)]}"
        XCTAssertEqual(try AuditEventDecoder.decode(Array(list.utf8), maxBytes: 1 << 20).count, 2)
        let array = "[\(one),\(list)]"
        XCTAssertEqual(try AuditEventDecoder.decode(Array(array.utf8), maxBytes: 1 << 20).count, 3)
        let lines = "\(one)\n\n\(list)\n"
        let events = try AuditEventDecoder.decode(Array(lines.utf8), maxBytes: 1 << 20)
        XCTAssertEqual(events.map(\.number), [1, 2, 3])
    }

    func testStageTimestampBecomesEventTime() throws {
        let event = try XCTUnwrap(AuditEventDecoder.decode(Array(detectAuditSample.utf8), maxBytes: 1 << 20).first)
        XCTAssertEqual(event.time.nanoseconds, 1_540_475_929_730_588_000)
        XCTAssertEqual(detectAuditField(event, "jevt.rawtime"), .string("1540475929730588000"))
    }

    func testCorpusJSONLinesFile() throws {
        // create_configmap_sensitive_values.json holds 6 events, one per line.
        let bytes = try DetectAuditCorpus.bytes("regression-suite/k8s_audit_events/create_configmap_sensitive_values.json")
        XCTAssertEqual(try AuditEventDecoder.decode(bytes, maxBytes: 1 << 20).count, 6)
    }

    func testMalformedInputsAreReportedWithReason() throws {
        // fal_01_003.json: Falco says "data not recognized as a k8s audit event".
        let bytes = try DetectAuditCorpus.bytes("regression-suite/k8s_audit_events/fal_01_003.json")
        let result = try AuditEventDecoder.decodeReporting(bytes, maxBytes: 1 << 20)
        XCTAssertTrue(result.events.isEmpty)
        XCTAssertEqual(result.errors.first?.reason, "data not recognized as a k8s audit event")
        XCTAssertThrowsError(try AuditEventDecoder.decode(Array("{\"kind\":\"Event\"}".utf8), maxBytes: 100))
        XCTAssertThrowsError(try AuditEventDecoder.decode(Array("{not json".utf8), maxBytes: 100))
        XCTAssertThrowsError(try AuditEventDecoder.decode(Array(detectAuditSample.utf8), maxBytes: 10))
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        XCTAssertThrowsError(try AuditEventDecoder.decode(Array(deep.utf8), maxBytes: 1 << 20))
    }
}
