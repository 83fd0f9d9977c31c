import Foundation

/// Counters every output keeps: delivered, dropped (queue full or rate
/// limited) and failed (I/O errors, retries exhausted).
public struct OutputStatistics: Sendable, Hashable {
    public var delivered = 0
    public var dropped = 0
    public var failed = 0

    public init() {}
}

final class OutputCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var value = OutputStatistics()

    func update(_ change: (inout OutputStatistics) -> Void) {
        lock.lock()
        change(&value)
        lock.unlock()
    }

    var snapshot: OutputStatistics {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
