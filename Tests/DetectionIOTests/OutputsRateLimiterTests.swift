import DetectionIO
import Foundation
import PalisadeCore
import XCTest

/// outputs.rate / outputs.max_burst: a token bucket; rate 0 means unlimited.
final class OutputsRateLimiterTests: XCTestCase {
    func testBurstThenRefillAtRate() {
        let clock = ManualClock()
        let limiter = RateLimiter(rate: 2, maxBurst: 3, clock: { clock.now })
        XCTAssertEqual((0..<5).map { _ in limiter.tryAcquire() }, [true, true, true, false, false])
        clock.advance(0.5)  // one token at 2/s
        XCTAssertEqual((0..<2).map { _ in limiter.tryAcquire() }, [true, false])
        clock.advance(100)  // never more than the burst
        XCTAssertEqual((0..<4).map { _ in limiter.tryAcquire() }, [true, true, true, false])
        XCTAssertEqual(limiter.dropped, 4)
    }

    func testZeroRateIsUnlimited() {
        let limiter = RateLimiter(rate: 0, maxBurst: 1)
        XCTAssertTrue((0..<1000).allSatisfy { _ in limiter.tryAcquire() })
        XCTAssertEqual(limiter.dropped, 0)
    }

    func testOutputsApplyTheLimiterBeforeEverySink() throws {
        let clock = ManualClock()
        let pipe = Pipe()
        let stdout = StdoutSink(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor)
        let limiter = RateLimiter(rate: 1, maxBurst: 2, clock: { clock.now })
        let outputs = AlertOutputs(sinks: [stdout], rateLimiter: limiter)
        for index in 0..<5 { outputs.emit(OutputsTestSupport.alert(), line: "a\(index)") }
        try pipe.fileHandleForWriting.close()
        XCTAssertEqual(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "a0\na1\n")
        XCTAssertEqual(limiter.dropped, 3)
    }
}

final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: TimeInterval = 1000

    var now: TimeInterval {
        lock.lock()
        defer { lock.unlock() }
        return time
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        time += seconds
        lock.unlock()
    }
}
