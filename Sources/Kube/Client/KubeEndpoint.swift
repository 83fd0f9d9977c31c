import AsyncHTTPClient
import Foundation

/// Where requests go: the server URL split into scheme, host, port and path
/// prefix. With `tls-server-name`, requests are addressed to that name (so it
/// is the SNI and the name the certificate is checked against) while a DNS
/// override sends them to the real host.
struct KubeEndpoint: Sendable {
    /// The server as configured, for messages.
    let server: String
    private let base: String
    let dnsOverride: [String: String]

    init(_ connection: ClusterConnection) throws {
        let trimmed = connection.server.hasSuffix("/") ? String(connection.server.dropLast()) : connection.server
        guard var components = URLComponents(string: trimmed), let host = components.host, !host.isEmpty,
              let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            throw KubeAPIError.configuration("server '\(connection.server)' is not an http(s) URL with a host")
        }
        var override: [String: String] = [:]
        if let name = connection.tlsServerName, !name.isEmpty, name != host, scheme == "https" {
            override[name] = host
            components.host = name
        }
        components.query = nil
        components.fragment = nil
        guard let rebuilt = components.string else {
            throw KubeAPIError.configuration("server '\(connection.server)' is not a valid URL")
        }
        server = trimmed
        base = rebuilt
        dnsOverride = override
    }

    /// The URL of `path` (starting with `/`) with percent-encoded `query`.
    func url(path: String, query: [(String, String)]) -> String {
        guard !query.isEmpty else { return base + path }
        let encoded = query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return base + path + "?" + encoded
    }

    /// An HTTP CONNECT proxy from `proxy-url` (`http://host:port`).
    func proxy(_ proxyURL: String?) throws -> HTTPClient.Configuration.Proxy? {
        guard let proxyURL, !proxyURL.isEmpty else { return nil }
        guard let components = URLComponents(string: proxyURL), components.scheme?.lowercased() == "http",
              let host = components.host, !host.isEmpty else {
            throw KubeAPIError.configuration("proxy-url '\(proxyURL)' is not supported (only http://host:port proxies)")
        }
        return .server(host: host, port: components.port ?? 80)
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
