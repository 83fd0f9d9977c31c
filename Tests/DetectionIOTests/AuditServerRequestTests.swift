import AsyncHTTPClient
import Detection
import DetectionIO
import Foundation
import NIOCore
import NIOHTTP1
import XCTest

/// Request handling of the audit webhook, following the k8saudit plugin:
/// EventList / single Event / JSON array bodies, 400 with a reason for bad
/// input, 413 over the body limit, 404/405 for other routes.
final class AuditServerRequestTests: XCTestCase {
    private var server: AuditWebhookServer<AuditEvent>?
    private var port = 0
    private let processed = ProcessedEvents()

    override func setUpWithError() throws {
        try AuditServerTestSupport.requireCorpus()
        let processed = self.processed
        let server = AuditWebhookServer<AuditEvent>(
            configuration: AuditWebhookConfiguration(port: 0, eventLoopThreads: 1),
            decode: { try AuditEventDecoder.decode($0, maxBytes: AuditWebhookConfiguration.falcoMaxBodyBytes) },
            process: { processed.add($0) })
        port = try server.start()
        self.server = server
    }

    override func tearDown() {
        server?.shutdown()
        server = nil
    }

    private var url: String { "http://127.0.0.1:\(port)/k8s-audit" }

    func testSingleEventIsAccepted() async throws {
        let body = try AuditServerTestSupport.auditEvent("create_nginx_pod_privileged.json")
        let (status, _) = try await post(url, body)
        XCTAssertEqual(status, 200)
        XCTAssertTrue(server?.waitUntilDrained(timeout: 10) ?? false)
        XCTAssertEqual(processed.verbs, ["create"])
        XCTAssertEqual(server?.statistics.acceptedEvents, 1)
    }

    func testEventListIsAccepted() async throws {
        let names = ["create_configmap.json", "create_secret.json", "create_serviceaccount.json"]
        let items = try names.map { String(decoding: try AuditServerTestSupport.auditEvent($0), as: UTF8.self) }
        let body = #"{"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":["# + items.joined(separator: ",") + "]}"
        let (status, _) = try await post(url, Array(body.utf8))
        XCTAssertEqual(status, 200)
        XCTAssertTrue(server?.waitUntilDrained(timeout: 10) ?? false)
        XCTAssertEqual(processed.count, 3)
        XCTAssertEqual(server?.statistics.acceptedRequests, 1)
    }

    func testJSONArrayOfEventsIsAccepted() async throws {
        let first = String(decoding: try AuditServerTestSupport.auditEvent("create_service.json"), as: UTF8.self)
        let second = String(decoding: try AuditServerTestSupport.auditEvent("delete_secret.json"), as: UTF8.self)
        let (status, _) = try await post(url, Array("[\(first),\(second)]".utf8))
        XCTAssertEqual(status, 200)
        XCTAssertTrue(server?.waitUntilDrained(timeout: 10) ?? false)
        XCTAssertEqual(processed.verbs.sorted(), ["create", "delete"])
    }

    func testMalformedJSONIsRejectedWithReason() async throws {
        let (status, reason) = try await post(url, Array(#"{"kind":"EventList","items":[{"#.utf8))
        XCTAssertEqual(status, 400)
        XCTAssertTrue(reason.hasPrefix("bad request:"), reason)
        XCTAssertEqual(server?.statistics.rejectedMalformed, 1)
        XCTAssertEqual(processed.count, 0)
    }

    func testNonAuditJSONIsRejected() async throws {
        // The corpus' deliberately malformed event ({"kind": 0}).
        let (status, reason) = try await post(url, try AuditServerTestSupport.auditEvent("fal_01_003.json"))
        XCTAssertEqual(status, 400)
        XCTAssertTrue(reason.contains("not recognized"), reason)
    }

    func testWrongContentTypeIsRejected() async throws {
        let body = try AuditServerTestSupport.auditEvent("create_secret.json")
        let (status, reason) = try await post(url, body, contentType: "text/plain")
        XCTAssertEqual(status, 400)
        XCTAssertTrue(reason.contains("Content-Type"), reason)
    }

    func testOversizedBodyIsRejectedWith413() async throws {
        let body = [UInt8](repeating: 0x20, count: AuditWebhookConfiguration.falcoMaxBodyBytes + 1)
        let (status, reason) = try await post(url, body)
        XCTAssertEqual(status, 413)
        XCTAssertTrue(reason.contains("12582912"), reason)
        XCTAssertEqual(server?.statistics.rejectedTooLarge, 1)
    }

    func testOversizedChunkedBodyIsRejectedWith413() async throws {
        // No Content-Length: the limit is enforced while the body streams in.
        let chunk = [UInt8](repeating: 0x20, count: 1 << 20)
        let chunks = AsyncStream<ByteBuffer> { continuation in
            for _ in 0..<13 { continuation.yield(ByteBuffer(bytes: chunk)) }
            continuation.finish()
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .stream(chunks, length: .unknown)
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            XCTAssertEqual(response.status.code, 413)
        } catch {
            // The client may see the closed connection before reading the answer;
            // the server must still have refused the request.
        }
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertEqual(server?.statistics.rejectedTooLarge, 1)
        XCTAssertEqual(server?.statistics.acceptedRequests, 0)
    }

    func testWrongPathIs404AndWrongMethodIs405() async throws {
        let (notFound, _) = try await post("http://127.0.0.1:\(port)/other", Array("{}".utf8))
        XCTAssertEqual(notFound, 404)
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        XCTAssertEqual(response.status.code, 405)
        XCTAssertEqual(response.headers["allow"].first, "POST")
        XCTAssertEqual(server?.statistics.rejectedRoute, 2)
    }

    func testKeepAliveConnectionServesSeveralRequests() async throws {
        let body = try AuditServerTestSupport.auditEvent("create_secret.json")
        for _ in 0..<5 {
            let (status, _) = try await post(url, body)
            XCTAssertEqual(status, 200)
        }
        XCTAssertTrue(server?.waitUntilDrained(timeout: 10) ?? false)
        XCTAssertEqual(processed.count, 5)
    }

    func testPlainHTTPRefusedOnNonLoopbackAddress() {
        let exposed = AuditWebhookServer<AuditEvent>(
            configuration: AuditWebhookConfiguration(host: "0.0.0.0", port: 0),
            decode: { _ in [] }, process: { _ in })
        XCTAssertThrowsError(try exposed.start()) { error in
            XCTAssertEqual(error as? AuditWebhookError, .plainHTTPOnNonLoopback(host: "0.0.0.0"))
        }
    }

    private func post(_ url: String, _ body: [UInt8], contentType: String = "application/json")
        async throws -> (Int, String) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: contentType)
        request.body = .bytes(body)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let text = try await response.body.collect(upTo: 1 << 16)
        return (Int(response.status.code), String(buffer: text))
    }
}

/// Events handed to `process`, collected across worker threads.
final class ProcessedEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [AuditEvent] = []

    func add(_ event: AuditEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return events.count
    }

    var verbs: [String] {
        lock.lock()
        defer { lock.unlock() }
        return events.compactMap { $0.json["verb"]?.string }
    }
}
