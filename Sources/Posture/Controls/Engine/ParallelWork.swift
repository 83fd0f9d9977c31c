import Foundation

/// Runs indexed jobs on a few threads with large stacks (the Rego evaluator
/// recurses deeply) and returns the results in index order, so the outcome
/// does not depend on scheduling.
enum ParallelWork {
    static let stackSize = 64 << 20

    static func map<T: Sendable>(count: Int, threads: Int, _ job: @escaping @Sendable (Int) -> T) -> [T] {
        let workers = max(1, min(threads, count))
        let results = ResultSlots<T>(count: count)
        let next = ResultSlots<Int>(count: 1)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while let index = next.claim(below: count) { results.store(job(index), at: index) }
                done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        for _ in 0..<workers { done.wait() }
        return results.values()
    }
}

/// Lock-protected storage shared by the worker threads.
private final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    private var counter = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The next unclaimed index, or nil when all `count` are taken.
    func claim(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard counter < count else { return nil }
        counter += 1
        return counter - 1
    }

    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
