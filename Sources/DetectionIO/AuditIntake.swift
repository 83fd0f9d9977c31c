import NIOHTTP1

/// What the webhook answers: a status and a one-line reason.
struct AuditWebhookResponse: Sendable, Equatable {
    var status: HTTPResponseStatus
    var reason: String
    var headers: [(String, String)] = []

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.status == rhs.status && lhs.reason == rhs.reason }
}

/// Decides what becomes of one complete request body: decode it, then queue
/// all of its events or none. Shared by every connection of a server.
final class AuditIntake<Event: Sendable>: Sendable {
    let maxBodyBytes: Int
    let queue: BoundedEventQueue<Event>
    let counters: AuditWebhookCounters
    private let decode: @Sendable ([UInt8]) throws -> [Event]

    init(maxBodyBytes: Int, queue: BoundedEventQueue<Event>, counters: AuditWebhookCounters,
         decode: @escaping @Sendable ([UInt8]) throws -> [Event]) {
        self.maxBodyBytes = maxBodyBytes
        self.queue = queue
        self.counters = counters
        self.decode = decode
    }

    func admit(_ body: [UInt8]) -> AuditWebhookResponse {
        let events: [Event]
        do {
            events = try decode(body)
        } catch {
            counters.update { $0.rejectedMalformed += 1 }
            return AuditWebhookResponse(status: .badRequest, reason: "bad request: \(error)")
        }
        guard events.count <= queue.capacity else {
            counters.update { $0.rejectedTooLarge += 1 }
            return AuditWebhookResponse(status: .payloadTooLarge,
                                        reason: "request has \(events.count) events, more than the queue holds (\(queue.capacity))")
        }
        guard queue.tryEnqueue(contentsOf: events) else {
            counters.update {
                $0.rejectedShed += 1
                $0.shedEvents += events.count
            }
            return AuditWebhookResponse(status: .tooManyRequests, reason: "overloaded: event queue full, retry later",
                                        headers: [("retry-after", "1")])
        }
        counters.update {
            $0.acceptedRequests += 1
            $0.acceptedEvents += events.count
        }
        return AuditWebhookResponse(status: .ok, reason: "accepted \(events.count) events")
    }

    /// Checks a request head; nil when the body should be read.
    func screen(_ head: HTTPRequestHead, path: String) -> AuditWebhookResponse? {
        counters.update { $0.receivedRequests += 1 }
        let requestPath = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard requestPath == path else {
            counters.update { $0.rejectedRoute += 1 }
            return AuditWebhookResponse(status: .notFound, reason: "not found: \(requestPath.prefix(200))")
        }
        guard head.method == .POST else {
            counters.update { $0.rejectedRoute += 1 }
            return AuditWebhookResponse(status: .methodNotAllowed, reason: "\(head.method.rawValue) method not allowed",
                                        headers: [("allow", "POST")])
        }
        guard head.headers["content-type"].contains(where: { $0.lowercased().contains("application/json") }) else {
            counters.update { $0.rejectedMalformed += 1 }
            return AuditWebhookResponse(status: .badRequest, reason: "wrong Content-Type: expected application/json")
        }
        if let declared = head.headers["content-length"].first.flatMap({ Int($0) }), declared > maxBodyBytes {
            return tooLarge()
        }
        return nil
    }

    func tooLarge() -> AuditWebhookResponse {
        counters.update { $0.rejectedTooLarge += 1 }
        return AuditWebhookResponse(status: .payloadTooLarge, reason: "request body larger than \(maxBodyBytes) bytes")
    }
}
