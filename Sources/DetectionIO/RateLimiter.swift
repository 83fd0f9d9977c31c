import Foundation

/// A token bucket like Falco's `outputs.rate` / `outputs.max_burst`: up to
/// `maxBurst` alerts at once, refilled at `rate` per second. A rate of 0
/// disables limiting (Falco's default).
public final class RateLimiter: @unchecked Sendable {
    public let rate: Double
    public let maxBurst: Double
    private let lock = NSLock()
    private var tokens: Double
    private var last: TimeInterval
    private var droppedCount = 0
    private let clock: @Sendable () -> TimeInterval

    public init(rate: Double, maxBurst: Double,
                clock: @escaping @Sendable () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }) {
        self.rate = max(0, rate)
        self.maxBurst = max(1, maxBurst)
        self.tokens = max(1, maxBurst)
        self.clock = clock
        self.last = clock()
    }

    /// Takes a token; false (and counted as dropped) when none is left.
    public func tryAcquire() -> Bool {
        guard rate > 0 else { return true }
        lock.lock()
        defer { lock.unlock() }
        let now = clock()
        tokens = min(maxBurst, tokens + max(0, now - last) * rate)
        last = now
        guard tokens >= 1 else {
            droppedCount += 1
            return false
        }
        tokens -= 1
        return true
    }

    public var dropped: Int {
        lock.lock()
        defer { lock.unlock() }
        return droppedCount
    }
}
