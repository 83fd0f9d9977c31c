import AsyncHTTPClient
import Detection
import DetectionIO
import Foundation
import NIOSSL
import XCTest

/// HTTPS with a certificate and key read from PEM files (a self-signed
/// certificate made by openssl here, as an operator would provide).
final class AuditServerTLSTests: XCTestCase {
    func testServesHTTPSWithPEMCertificate() async throws {
        try AuditServerTestSupport.requireCorpus()
        let directory = try AuditServerTestSupport.temporaryDirectory("audit-tls")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pem = try AuditServerTestSupport.makeSelfSignedCertificate(in: directory)
        let processed = EventCounter()
        let server = AuditWebhookServer<AuditEvent>(
            configuration: AuditWebhookConfiguration(
                port: 0, tls: TLSFiles(certificateChainPath: pem.certificate, privateKeyPath: pem.key), eventLoopThreads: 1),
            decode: { try AuditEventDecoder.decode($0, maxBytes: AuditWebhookConfiguration.falcoMaxBodyBytes) },
            process: { _ in processed.increment() })
        let port = try server.start()
        defer { server.shutdown() }

        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(pem.certificate))
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: HTTPClient.Configuration(tlsConfiguration: tls))
        do {
            var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)/k8s-audit")
            request.method = .POST
            request.headers.add(name: "content-type", value: "application/json")
            request.body = .bytes(try AuditServerTestSupport.auditEvent("create_secret.json"))
            let response = try await client.execute(request, timeout: .seconds(20))
            XCTAssertEqual(response.status.code, 200)

            var plain = HTTPClientRequest(url: "http://127.0.0.1:\(port)/k8s-audit")
            plain.method = .POST
            plain.headers.add(name: "content-type", value: "application/json")
            plain.body = .bytes(Array("{}".utf8))
            let plainStatus = try? await client.execute(plain, timeout: .seconds(5)).status.code
            XCTAssertNotEqual(plainStatus, 200, "plain HTTP must not be served on the TLS port")
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
        XCTAssertTrue(server.waitUntilDrained(timeout: 10))
        XCTAssertEqual(processed.value, 1)
    }

    func testTLSMayListenOnAnyAddress() throws {
        let directory = try AuditServerTestSupport.temporaryDirectory("audit-tls-any")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pem = try AuditServerTestSupport.makeSelfSignedCertificate(in: directory)
        let server = AuditWebhookServer<Int>(
            configuration: AuditWebhookConfiguration(
                host: "0.0.0.0", port: 0, tls: TLSFiles(certificateChainPath: pem.certificate, privateKeyPath: pem.key)),
            decode: { _ in [] }, process: { _ in })
        XCTAssertGreaterThan(try server.start(), 0)
        server.shutdown()
    }

    func testMissingCertificateIsAClearError() {
        let server = AuditWebhookServer<Int>(
            configuration: AuditWebhookConfiguration(
                port: 0, tls: TLSFiles(certificateChainPath: "/nonexistent/cert.pem", privateKeyPath: "/nonexistent/key.pem")),
            decode: { _ in [] }, process: { _ in })
        XCTAssertThrowsError(try server.start()) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/cert.pem"), "\(error)")
        }
    }
}
