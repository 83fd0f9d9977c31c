import Foundation

/// A snapshot of an audit webhook's counters.
public struct AuditWebhookStatistics: Sendable, Hashable {
    /// Requests whose head was read, whatever became of them.
    public var receivedRequests = 0
    /// Requests answered 200.
    public var acceptedRequests = 0
    /// Events of the accepted requests (all were queued).
    public var acceptedEvents = 0
    /// Events the workers have handed to `process`.
    public var processedEvents = 0
    /// 400: malformed JSON, wrong content type, an event over the size limit.
    public var rejectedMalformed = 0
    /// 413: body over the limit.
    public var rejectedTooLarge = 0
    /// 429: the queue could not take all of a request's events.
    public var rejectedShed = 0
    /// Events of the requests refused with 429.
    public var shedEvents = 0
    /// 404 and 405.
    public var rejectedRoute = 0
    /// Connection-level errors (TLS handshakes, resets).
    public var errors = 0

    public init() {}

    /// Events accepted but not processed yet.
    public var pendingEvents: Int { acceptedEvents - processedEvents }
}

/// The live counters behind `AuditWebhookStatistics`.
final class AuditWebhookCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var value = AuditWebhookStatistics()

    func update(_ change: (inout AuditWebhookStatistics) -> Void) {
        lock.lock()
        change(&value)
        lock.unlock()
    }

    var snapshot: AuditWebhookStatistics {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
