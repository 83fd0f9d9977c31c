import PalisadeCore

/// Fans each alert out to every sink, after the shared rate limiter (Falco
/// applies `outputs.rate` before all channels).
public struct AlertOutputs: AlertSink {
    public let sinks: [any AlertSink]
    public let rateLimiter: RateLimiter?

    public init(sinks: [any AlertSink], rateLimiter: RateLimiter? = nil) {
        self.sinks = sinks
        self.rateLimiter = rateLimiter
    }

    public func emit(_ alert: Alert, line: String) {
        if let rateLimiter, !rateLimiter.tryAcquire() { return }
        for sink in sinks { sink.emit(alert, line: line) }
    }

    public func close() {
        for sink in sinks { sink.close() }
    }
}
