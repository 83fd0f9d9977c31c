import Foundation

/// A bounded multi-producer, multi-consumer queue that accepts a batch only
/// when all of it fits (all or nothing), so an accepted request is never
/// partly dropped.
final class BoundedEventQueue<Event>: @unchecked Sendable {
    let capacity: Int
    private let condition = NSCondition()
    private var items: [Event] = []
    private var head = 0
    private var closed = false

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count - head
    }

    /// Appends every event, or none when they do not all fit or the queue is closed.
    func tryEnqueue(contentsOf events: [Event]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !closed, items.count - head + events.count <= capacity else { return false }
        items.append(contentsOf: events)
        condition.broadcast()
        return true
    }

    /// Up to `limit` events; blocks while empty; nil once closed and drained.
    func dequeue(limit: Int) -> [Event]? {
        condition.lock()
        defer { condition.unlock() }
        while items.count == head, !closed { condition.wait() }
        guard items.count > head else { return nil }
        let end = min(items.count, head + max(1, limit))
        let batch = Array(items[head..<end])
        head = end
        compactIfNeeded()
        return batch
    }

    /// Wakes consumers; they drain what is left, then get nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func compactIfNeeded() {
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 4096, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
    }
}
