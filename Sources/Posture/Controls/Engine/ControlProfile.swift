import Foundation

/// Time spent per control, collected when a scan is profiled (hidden
/// `--profile` option): controls are then evaluated one by one, without the
/// per-kind batching, so each evaluation's time belongs to one control.
public final class ControlProfile: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: [String: Double] = [:]
    private var evaluations: [String: Int] = [:]

    public init() {}

    func record(_ control: String, seconds elapsed: Double) {
        lock.lock()
        seconds[control, default: 0] += elapsed
        evaluations[control, default: 0] += 1
        lock.unlock()
    }

    /// `control evaluations seconds`, slowest first.
    public func lines(limit: Int = 25) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return seconds.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map { id, total in
            String(format: "%@ %d evaluations %.3fs", id, evaluations[id] ?? 0, total)
        }
    }
}
