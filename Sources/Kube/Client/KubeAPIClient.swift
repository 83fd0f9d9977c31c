import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import PalisadeCore

/// A read-only client of one Kubernetes API server: it can only GET.
///
/// Each request has a deadline (`requestTimeout`, connection and TLS
/// handshake included) and a bounded body (`maxResponseBytes`). Call
/// `shutdown()` when done; `ClusterReader` does this for you.
public final class KubeAPIClient: Sendable {
    public static let defaultMaxResponseBytes = 64 << 20

    public let connection: ClusterConnection
    public let requestTimeout: Double
    public let maxResponseBytes: Int
    private let http: HTTPClient
    private let endpoint: KubeEndpoint
    private let auth: KubeAuthHeaders

    /// Connects to `connection`, running its exec credential plugin first if it has one.
    public static func connect(_ connection: ClusterConnection, requestTimeout: Double = 30,
                               maxResponseBytes: Int = defaultMaxResponseBytes) async throws -> KubeAPIClient {
        var credential = ExecCredentialPlugin.Credential()
        switch connection.credentials {
        case .exec(let plugin): credential = try await ExecCredentialPlugin.run(plugin, timeout: max(requestTimeout, 60))
        case .authProvider(let provider): credential.token = try AuthProviderToken.token(provider)
        default: break
        }
        return try KubeAPIClient(connection: connection, requestTimeout: requestTimeout,
                                 maxResponseBytes: maxResponseBytes, credential: credential)
    }

    private init(connection: ClusterConnection, requestTimeout: Double, maxResponseBytes: Int,
                 credential: ExecCredentialPlugin.Credential) throws {
        guard requestTimeout > 0 else { throw KubeAPIError.configuration("the request timeout must be positive") }
        self.connection = connection
        self.requestTimeout = requestTimeout
        self.maxResponseBytes = maxResponseBytes
        self.endpoint = try KubeEndpoint(connection)
        self.auth = KubeAuthHeaders(connection: connection, resolvedToken: credential.token)
        let tls = try KubeTLS.configuration(for: connection, clientCertificate: credential.clientCertificate,
                                            clientKey: credential.clientKey)
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .disallow,
                                                     timeout: .init(connect: Self.amount(requestTimeout),
                                                                    read: Self.amount(requestTimeout)))
        configuration.dnsOverride = endpoint.dnsOverride
        // Report a refused or failed connection at once instead of retrying until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.proxy = try endpoint.proxy(connection.proxyURL)
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// GETs `path` (`/apis/apps/v1/deployments`) with `query` and decodes the JSON body.
    /// Non-success answers throw `KubeAPIError.status` with the server's Status message.
    public func get(_ path: String, query: [(String, String)] = []) async throws -> Value {
        let url = endpoint.url(path: path, query: query)
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "palisade")
        try auth.apply(to: &request.headers)
        // A GET is safe to repeat once when the server closed a pooled
        // connection under it (an HTTP/2 GOAWAY, an idle timeout).
        for attempt in 1...2 {
            do {
                let response = try await http.execute(request, timeout: Self.amount(requestTimeout))
                return try await decode(response, path: path)
            } catch let error as KubeAPIError {
                throw error
            } catch where attempt == 1 && Self.connectionWasClosed(error) {
                continue
            } catch {
                throw translate(error, path: path)
            }
        }
        throw KubeAPIError.transport(server: endpoint.server, detail: "the connection was closed twice")
    }

    /// Closes the connections; the client cannot be used afterwards.
    public func shutdown() async {
        try? await http.shutdown()
    }

    private func decode(_ response: HTTPClientResponse, path: String) async throws -> Value {
        guard (200..<300).contains(response.status.code) else {
            let body = (try? await response.body.collect(upTo: 1 << 20)).map { Array(buffer: $0) } ?? []
            throw KubeAPIError.status(KubeStatus.parse(code: Int(response.status.code), body: body), path: path)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: maxResponseBytes)
        } catch is NIOTooManyBytesError {
            throw KubeAPIError.responseTooLarge(path: path, limit: maxResponseBytes)
        }
        do {
            return try JSONReader.decode(bytes: Array(buffer: buffer), file: path)
        } catch {
            throw KubeAPIError.invalidResponse(path: path, detail: "\(error)")
        }
    }

    private func translate(_ error: Error, path: String) -> KubeAPIError {
        if let http = error as? HTTPClientError,
           [.deadlineExceeded, .connectTimeout, .readTimeout, .tlsHandshakeTimeout].contains(http) {
            return .timeout(url: endpoint.server + path, seconds: requestTimeout)
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return .tls(server: endpoint.server, detail: KubeTLSErrorText.describe(error))
        }
        if error is NIOTooManyBytesError { return .responseTooLarge(path: path, limit: maxResponseBytes) }
        return .transport(server: endpoint.server, detail: "\(error)")
    }

    /// The server closed the connection (kube-apiserver does, for one, when
    /// a CustomResourceDefinition is added).
    private static func connectionWasClosed(_ error: any Error) -> Bool {
        if let http = error as? HTTPClientError { return http == .remoteConnectionClosed }
        if let channel = error as? ChannelError { return channel == .ioOnClosedChannel || channel == .alreadyClosed }
        return false
    }

    private static func amount(_ seconds: Double) -> TimeAmount {
        .nanoseconds(Int64(min(seconds, 86_400) * 1_000_000_000))
    }
}
