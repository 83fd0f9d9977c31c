/// Why a request to the API server failed. Every case names the server or
/// the path so the message stands on its own in a report.
public enum KubeAPIError: Error, Sendable, CustomStringConvertible {
    /// The server answered with a non-success status (403, 404, 410, 503, ...).
    case status(KubeStatus, path: String)
    /// No complete answer within the per-request timeout.
    case timeout(url: String, seconds: Double)
    /// The TLS handshake failed (untrusted or mismatched certificate, bad client certificate).
    case tls(server: String, detail: String)
    /// A response body was larger than the limit.
    case responseTooLarge(path: String, limit: Int)
    /// The connection failed (refused, reset, DNS).
    case transport(server: String, detail: String)
    /// The body was not the JSON expected.
    case invalidResponse(path: String, detail: String)
    /// The connection settings cannot be used (bad PEM, unsupported auth).
    case configuration(String)

    /// The HTTP status code for `.status`, else nil.
    public var statusCode: Int? {
        if case .status(let status, _) = self { return status.code }
        return nil
    }

    public var description: String {
        switch self {
        case .status(let status, let path): return Self.describe(status, path: path)
        case .timeout(let url, let seconds):
            return "GET \(url): no answer within \(Self.format(seconds)) s (request timeout)"
        case .tls(let server, let detail):
            return "TLS handshake with \(server) failed: \(detail) (check the cluster's certificate-authority, tls-server-name and the client certificate)"
        case .responseTooLarge(let path, let limit):
            return "GET \(path): response larger than \(limit >> 20) MiB; use a smaller page size"
        case .transport(let server, let detail): return "cannot reach \(server): \(detail)"
        case .invalidResponse(let path, let detail): return "GET \(path): unexpected response: \(detail)"
        case .configuration(let message): return message
        }
    }

    private static func describe(_ status: KubeStatus, path: String) -> String {
        let reason = status.reason.isEmpty ? "" : " \(status.reason)"
        let message = status.message.isEmpty ? "" : ": \(status.message)"
        switch status.code {
        case 401: return "GET \(path): 401 Unauthorized\(message) (the credentials were not accepted)"
        default: return "GET \(path): \(status.code)\(reason)\(message)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
