/// Why an audit webhook or tailer could not start.
public enum AuditWebhookError: Error, CustomStringConvertible, Equatable {
    case plainHTTPOnNonLoopback(host: String)
    case invalidConfiguration(String)
    case tls(String)

    public var description: String {
        switch self {
        case .plainHTTPOnNonLoopback(let host):
            return "refusing to serve plain HTTP on non-loopback address \(host); configure a TLS certificate and key"
        case .invalidConfiguration(let reason): return "invalid audit webhook configuration: \(reason)"
        case .tls(let reason): return "audit webhook TLS: \(reason)"
        }
    }
}
