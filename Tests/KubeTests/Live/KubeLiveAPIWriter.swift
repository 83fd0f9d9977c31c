import AsyncHTTPClient
import Foundation
import NIOCore
import PalisadeCore
@testable import Kube

/// Test-only: creates objects through the API (POST) so the read-only
/// product client has something to read. Authenticates as the cluster admin.
final class KubeLiveAPIWriter: Sendable {
    private let http: HTTPClient
    private let server: String

    init(cluster: KubeLiveCluster) throws {
        let tls = try KubeTLS.configuration(for: try cluster.connection())
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        server = cluster.server
    }

    /// POSTs `json` to `path` (a collection), and returns the HTTP status; 409 (already there) is accepted.
    @discardableResult
    func create(_ path: String, _ json: String, file: StaticString = #filePath, line: UInt = #line) async throws -> Int {
        // The apiserver may close a connection (HTTP/2 GOAWAY) while it is still starting its controllers.
        for attempt in 1...3 {
            do {
                return try await post(path, json, file: file, line: line)
            } catch let error where !(error is KubeLiveSkip) && attempt < 3 {
                print("KubeLiveAPIWriter: POST \(path): \(error), retrying")
                try await Task.sleep(nanoseconds: 300_000_000)
            }
        }
        return try await post(path, json, file: file, line: line)
    }

    private func post(_ path: String, _ json: String, file: StaticString, line: UInt) async throws -> Int {
        var request = HTTPClientRequest(url: server + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer admin-token")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: json))
        let response = try await http.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        let code = Int(response.status.code)
        guard (200..<300).contains(code) || code == 409 else {
            throw KubeLiveSkip("POST \(path) failed with \(code): \(String(buffer: body)) (\(file):\(line))")
        }
        return code
    }

    /// GETs `path` as the admin, nil on a non-success status.
    func status(_ path: String) async throws -> Int {
        do { return try await get(path) } catch { return 0 }
    }

    private func get(_ path: String) async throws -> Int {
        var request = HTTPClientRequest(url: server + path)
        request.headers.add(name: "Authorization", value: "Bearer admin-token")
        let response = try await http.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 8 << 20)
        return Int(response.status.code)
    }

    func shutdown() async {
        try? await http.shutdown()
    }
}
