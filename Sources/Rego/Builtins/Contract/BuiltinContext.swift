import Foundation
import PalisadeCore

/// What a builtin may read from the evaluation it runs in. One context lives
/// for one query evaluation, so `time.now_ns` and `rand.intn` stay stable
/// within it, as OPA guarantees.
public final class BuiltinContext: @unchecked Sendable {
    /// Nanoseconds since the Unix epoch, fixed when the query started.
    public let nowNanoseconds: Int64
    /// Strict builtin errors: errors abort evaluation instead of making the call undefined.
    public let strictErrors: Bool
    /// Runtime information returned by `opa.runtime()`.
    public let runtime: Value

    private let lock = NSLock()
    private var memo: [String: Any] = [:]

    public init(nowNanoseconds: Int64? = nil, strictErrors: Bool = false, runtime: Value = .emptyObject) {
        self.nowNanoseconds = nowNanoseconds ?? Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        self.strictErrors = strictErrors
        self.runtime = runtime
    }

    /// A per-evaluation memo (compiled regexes, `rand.intn` results, ...):
    /// returns the cached value for `key`, or computes and stores it.
    public func memoized<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        lock.lock()
        if let hit = memo[key] as? T { lock.unlock(); return hit }
        lock.unlock()
        let value = try make()
        lock.lock()
        memo[key] = value
        lock.unlock()
        return value
    }
}
