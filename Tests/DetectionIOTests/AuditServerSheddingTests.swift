import DetectionIO
import Foundation
import XCTest

/// Under about ten times the load the workers can process, the webhook
/// answers 429 instead of queueing, and every event it accepted (200) is
/// processed: accepted == processed, counted on both sides.
final class AuditServerSheddingTests: XCTestCase {
    func testTenTimesLoadShedsWith429AndProcessesEveryAcceptedEvent() throws {
        let processed = EventCounter()
        // One worker at ~1 ms per event: at most ~1,000 events/s of capacity.
        let server = AuditWebhookServer<Int>(
            configuration: AuditWebhookConfiguration(port: 0, queueCapacity: 500, workers: 1, eventLoopThreads: 1),
            decode: { body in body.split(separator: 0x0A).map(\.count) },
            process: { _ in
                usleep(1000)
                processed.increment()
            })
        let port = try server.start()
        defer { server.shutdown() }

        let eventsPerRequest = 50
        let body = Array(String(repeating: #"{"kind":"Event"}"# + "\n", count: eventsPerRequest).utf8)
        let load = AuditLoadGenerator(port: port, connections: 8, duration: 2, bodies: [(body, eventsPerRequest)])
        let result = try load.run()

        XCTAssertTrue(server.waitUntilDrained(timeout: 30), "accepted events were not all processed")
        let stats = server.statistics
        let shed = result.statusCounts[429] ?? 0
        let accepted = result.statusCounts[200] ?? 0
        print("shedding: sent \(result.sentEvents) events in \(result.requests) requests over \(result.elapsed) s; " +
              "200: \(accepted) (\(result.acceptedEvents) events), 429: \(shed) (\(result.shedEvents) events); " +
              "server accepted \(stats.acceptedEvents), processed \(stats.processedEvents), callback \(processed.value)")
        XCTAssertEqual(result.connectionErrors, 0)
        XCTAssertGreaterThan(shed, 0, "no request was shed")
        XCTAssertEqual(result.requests, accepted + shed, "only 200 and 429 expected: \(result.statusCounts)")
        XCTAssertGreaterThanOrEqual(Double(result.sentEvents), 10 * Double(result.acceptedEvents),
                                    "the offered load was not ten times what was processed")
        XCTAssertEqual(stats.acceptedEvents, result.acceptedEvents)
        XCTAssertEqual(stats.shedEvents, result.shedEvents)
        XCTAssertEqual(stats.processedEvents, stats.acceptedEvents)
        XCTAssertEqual(processed.value, result.acceptedEvents)
    }

    func testRequestLargerThanQueueIsRefusedWith413() throws {
        let server = AuditWebhookServer<Int>(
            configuration: AuditWebhookConfiguration(port: 0, queueCapacity: 10, eventLoopThreads: 1),
            decode: { body in body.split(separator: 0x0A).map(\.count) }, process: { _ in })
        let port = try server.start()
        defer { server.shutdown() }
        let body = Array(String(repeating: "{}\n", count: 11).utf8)
        let result = try AuditLoadGenerator(port: port, connections: 1, duration: 0, bodies: [(body, 11)]).run()
        XCTAssertEqual(result.statusCounts, [413: 1])
        XCTAssertEqual(server.statistics.acceptedEvents, 0)
    }
}

final class EventCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
