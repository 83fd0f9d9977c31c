import DetectionIO
import Foundation
import XCTest

/// Falco-style http_output: JSON POST, retries with exponential back-off,
/// bounded queue with a drop counter.
final class OutputsHTTPWebhookSinkTests: XCTestCase {
    func testRetriesWithBackoffUntilDelivered() async throws {
        let receiver = OutputsScriptedReceiver(statuses: [503, 500, 200])
        let port = try receiver.start()
        defer { receiver.stop() }
        let sink = HTTPWebhookSink(configuration: .init(url: "http://127.0.0.1:\(port)/alerts", maxAttempts: 5,
                                                        initialBackoff: 0.1, maxBackoff: 2))
        sink.emit(OutputsTestSupport.alert(), line: "plain text line")
        await sink.drain()
        XCTAssertEqual(sink.statistics, stats(delivered: 1))
        let requests = receiver.requests
        XCTAssertEqual(requests.count, 3)
        XCTAssertTrue(requests.allSatisfy { $0.body.contains(#""rule":"Create Privileged Pod""#) }, "\(requests)")
        guard requests.count == 3 else { return }
        let firstGap = requests[1].time - requests[0].time
        let secondGap = requests[2].time - requests[1].time
        XCTAssertGreaterThanOrEqual(firstGap, 0.09)
        XCTAssertGreaterThanOrEqual(secondGap, 0.19, "back-off must double")
    }

    func testPostsJSONLinesAsGiven() async throws {
        let receiver = OutputsScriptedReceiver(statuses: [200])
        let port = try receiver.start()
        defer { receiver.stop() }
        let sink = HTTPWebhookSink(configuration: .init(url: "http://127.0.0.1:\(port)/"))
        sink.emit(OutputsTestSupport.alert(), line: #"{"rule":"X","priority":"Critical"}"#)
        await sink.drain()
        XCTAssertEqual(receiver.requests.map(\.body), [#"{"rule":"X","priority":"Critical"}"#])
    }

    func testClientErrorIsNotRetried() async throws {
        let receiver = OutputsScriptedReceiver(statuses: [400])
        let port = try receiver.start()
        defer { receiver.stop() }
        let sink = HTTPWebhookSink(configuration: .init(url: "http://127.0.0.1:\(port)/", initialBackoff: 0.01))
        sink.emit(OutputsTestSupport.alert(), line: "x")
        await sink.drain()
        XCTAssertEqual(receiver.requests.count, 1)
        XCTAssertEqual(sink.statistics, stats(failed: 1))
    }

    func testFullQueueDropsAndCounts() async throws {
        let receiver = OutputsScriptedReceiver(statuses: [503])
        let port = try receiver.start()
        defer { receiver.stop() }
        let sink = HTTPWebhookSink(configuration: .init(url: "http://127.0.0.1:\(port)/", queueCapacity: 2,
                                                        maxAttempts: 2, initialBackoff: 0.01))
        for _ in 0..<10 { sink.emit(OutputsTestSupport.alert(), line: "x") }
        await sink.drain()
        let result = sink.statistics
        XCTAssertGreaterThanOrEqual(result.dropped, 7)
        XCTAssertEqual(result.dropped + result.failed, 10)
        XCTAssertEqual(result.delivered, 0)
        XCTAssertEqual(receiver.requests.count, 2 * result.failed)
    }

    func testBackoffSchedule() {
        let configuration = HTTPWebhookSink.Configuration(url: "http://x/", initialBackoff: 0.5, maxBackoff: 3)
        XCTAssertEqual((1...5).map { configuration.backoff(beforeRetry: $0) }, [0.5, 1, 2, 3, 3])
    }

    private func stats(delivered: Int = 0, dropped: Int = 0, failed: Int = 0) -> OutputStatistics {
        var value = OutputStatistics()
        value.delivered = delivered
        value.dropped = dropped
        value.failed = failed
        return value
    }
}
