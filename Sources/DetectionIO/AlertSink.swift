import PalisadeCore

/// A destination for alerts (Falco's output channels). `line` is the alert
/// as rendered for output: Falco's text line or its JSON form.
public protocol AlertSink: Sendable {
    func emit(_ alert: Alert, line: String)
    /// Delivers what is buffered and releases resources.
    func close()
}

extension AlertSink {
    public func close() {}
}
