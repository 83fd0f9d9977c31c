import AsyncHTTPClient
import Foundation
import NIOCore
import PalisadeCore

/// Falco's `http_output`: POSTs each alert as JSON to a URL. Alerts wait in a
/// bounded queue (full: dropped and counted); a failed POST (connection
/// error, 408, 429, 5xx) is retried with exponential back-off, and counted as
/// failed once the attempts are used up.
public final class HTTPWebhookSink: AlertSink, @unchecked Sendable {
    public struct Configuration: Sendable {
        public var url: String
        public var queueCapacity: Int
        public var maxAttempts: Int
        public var initialBackoff: TimeInterval
        public var maxBackoff: TimeInterval
        public var timeout: TimeInterval
        public var headers: [(String, String)]

        public init(url: String, queueCapacity: Int = 1000, maxAttempts: Int = 5, initialBackoff: TimeInterval = 0.2,
                    maxBackoff: TimeInterval = 10, timeout: TimeInterval = 5, headers: [(String, String)] = []) {
            self.url = url
            self.queueCapacity = queueCapacity
            self.maxAttempts = maxAttempts
            self.initialBackoff = initialBackoff
            self.maxBackoff = maxBackoff
            self.timeout = timeout
            self.headers = headers
        }

        /// The wait before retry number `retry` (1-based): initial × 2^(retry-1), capped.
        public func backoff(beforeRetry retry: Int) -> TimeInterval {
            min(maxBackoff, initialBackoff * pow(2, Double(max(0, min(retry - 1, 30)))))
        }
    }

    public let configuration: Configuration
    private let client: HTTPClient
    private let continuation: AsyncStream<[UInt8]>.Continuation
    private let sender: Task<Void, Never>
    private let counters = OutputCounters()

    /// Uses the process-wide shared HTTP client unless one is given.
    public init(configuration: Configuration, client: HTTPClient = .shared) {
        self.configuration = configuration
        self.client = client
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(
            bufferingPolicy: .bufferingOldest(max(1, configuration.queueCapacity)))
        self.continuation = continuation
        let counters = self.counters
        self.sender = Task {
            for await body in stream {
                let delivered = await Self.deliver(body, configuration: configuration, client: client)
                counters.update { if delivered { $0.delivered += 1 } else { $0.failed += 1 } }
            }
        }
    }

    public func emit(_ alert: Alert, line: String) {
        let json = line.hasPrefix("{") ? line : JSONWriter.string(alert.toValue())
        if case .dropped = continuation.yield(Array(json.utf8)) {
            counters.update { $0.dropped += 1 }
        }
    }

    /// Stops taking alerts; queued ones are still delivered (see `drain()`).
    public func close() { continuation.finish() }

    /// Closes and waits until every queued alert was delivered or given up.
    public func drain() async {
        continuation.finish()
        await sender.value
    }

    public var statistics: OutputStatistics { counters.snapshot }

    private static func deliver(_ body: [UInt8], configuration: Configuration, client: HTTPClient) async -> Bool {
        for attempt in 1...max(1, configuration.maxAttempts) {
            if attempt > 1 {
                let wait = configuration.backoff(beforeRetry: attempt - 1)
                try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            }
            switch await post(body, configuration: configuration, client: client) {
            case .delivered: return true
            case .permanentFailure: return false
            case .retry: continue
            }
        }
        return false
    }

    private enum Outcome { case delivered, retry, permanentFailure }

    private static func post(_ body: [UInt8], configuration: Configuration, client: HTTPClient) async -> Outcome {
        var request = HTTPClientRequest(url: configuration.url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "palisade")
        request.headers.add(contentsOf: configuration.headers)
        request.body = .bytes(body)
        do {
            let timeout = TimeAmount.milliseconds(Int64(configuration.timeout * 1000))
            let response = try await client.execute(request, timeout: timeout)
            _ = try? await response.body.collect(upTo: 1 << 16)
            let code = Int(response.status.code)
            if (200..<300).contains(code) { return .delivered }
            return code == 408 || code == 429 || code >= 500 ? .retry : .permanentFailure
        } catch {
            return .retry
        }
    }
}
