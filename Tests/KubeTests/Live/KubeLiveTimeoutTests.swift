import Foundation
import NIOCore
import NIOPosix
import XCTest
@testable import Kube

/// A local TCP listener that accepts connections and never answers: the TLS
/// handshake cannot complete, so only the per-request timeout ends the read.
final class KubeLiveTimeoutTests: XCTestCase {
    func testSilentServerTimesOut() async throws {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { _ in MultiThreadedEventLoopGroup.singleton.next().makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try XCTUnwrap(listener.localAddress?.port)
        let connection = ClusterConnection(
            contextName: "silent", server: "https://127.0.0.1:\(port)", namespace: "default", certificateAuthority: nil,
            insecureSkipTLSVerify: false, tlsServerName: nil, proxyURL: nil, clientCertificate: nil, clientKey: nil,
            credentials: .bearerToken("t"), impersonate: nil, impersonateGroups: [])
        let started = Date()
        do {
            _ = try await ClusterReader(connection: connection, requestTimeout: 1).readAll()
            XCTFail("expected a timeout")
        } catch let error as KubeAPIError {
            guard case .timeout(let url, let seconds) = error else { return XCTFail("expected a timeout, got \(error)") }
            XCTAssertEqual(url, "https://127.0.0.1:\(port)/api")
            XCTAssertEqual(seconds, 1)
            XCTAssertTrue("\(error)".contains("no answer within 1 s"), "\(error)")
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, 5, "the timeout ends the request, not a TCP default")
        try await listener.close()
    }

    func testRefusedConnectionIsATransportError() async throws {
        // Bind then close to find a port nothing listens on.
        let probe = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try XCTUnwrap(probe.localAddress?.port)
        try await probe.close()
        let connection = ClusterConnection(
            contextName: "closed", server: "https://127.0.0.1:\(port)", namespace: "default", certificateAuthority: nil,
            insecureSkipTLSVerify: false, tlsServerName: nil, proxyURL: nil, clientCertificate: nil, clientKey: nil,
            credentials: .none, impersonate: nil, impersonateGroups: [])
        let started = Date()
        do {
            _ = try await ClusterReader(connection: connection, requestTimeout: 30).readAll()
            XCTFail("expected an error")
        } catch let error as KubeAPIError {
            guard case .transport(let server, _) = error else { return XCTFail("expected a transport error, got \(error)") }
            XCTAssertEqual(server, "https://127.0.0.1:\(port)")
            XCTAssertTrue("\(error)".hasPrefix("cannot reach https://127.0.0.1:\(port): "), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "a refused connection is reported at once, not at the timeout")
    }

    func testBlockingReadReportsTheSameErrors() throws {
        let connection = ClusterConnection(
            contextName: "bad", server: "not a url", namespace: "default", certificateAuthority: nil,
            insecureSkipTLSVerify: false, tlsServerName: nil, proxyURL: nil, clientCertificate: nil, clientKey: nil,
            credentials: .none, impersonate: nil, impersonateGroups: [])
        XCTAssertThrowsError(try ClusterReader(connection: connection).readAllBlocking()) { error in
            XCTAssertEqual("\(error)", "server 'not a url' is not an http(s) URL with a host")
        }
    }
}
