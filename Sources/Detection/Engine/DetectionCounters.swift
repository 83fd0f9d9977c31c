import Foundation

/// Events seen and matches per rule, safe to update from several threads.
public final class DetectionCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var eventCount: UInt64 = 0
    private var matchCounts: [UInt64]

    init(rules: Int) {
        matchCounts = [UInt64](repeating: 0, count: rules)
    }

    func record(matched: [Int]) {
        lock.lock()
        eventCount &+= 1
        for index in matched { matchCounts[index] &+= 1 }
        lock.unlock()
    }

    func record(matched: MatchSummary) {
        lock.lock()
        eventCount &+= 1
        switch matched {
        case .none: break
        case .one(let index): matchCounts[index] &+= 1
        case .many(let list): for index in list { matchCounts[index] &+= 1 }
        }
        lock.unlock()
    }

    /// Events processed so far.
    public var events: UInt64 {
        lock.lock(); defer { lock.unlock() }
        return eventCount
    }

    /// Matches per rule index (`DetectionEngine.rules` order).
    public var matches: [UInt64] {
        lock.lock(); defer { lock.unlock() }
        return matchCounts
    }
}
