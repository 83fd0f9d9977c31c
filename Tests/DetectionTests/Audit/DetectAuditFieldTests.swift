import XCTest
@testable import Detection

/// Field semantics from the k8saudit plugin's documentation and extractor.
final class DetectAuditFieldTests: XCTestCase {
    var event: AuditEvent!

    override func setUpWithError() throws {
        event = try XCTUnwrap(AuditEventDecoder.decode(Array(detectAuditSample.utf8), maxBytes: 1 << 20).first)
    }

    func testScalarFields() {
        XCTAssertEqual(event.source, "k8s_audit")
        XCTAssertNil(event.eventType)
        XCTAssertEqual(detectAuditField(event, "ka.user.name"), .string("alice"))
        XCTAssertEqual(detectAuditField(event, "ka.verb"), .string("create"))
        XCTAssertEqual(detectAuditField(event, "ka.target.resource"), .string("pods"))
        XCTAssertEqual(detectAuditField(event, "ka.auth.decision"), .string("allow"))
        XCTAssertEqual(detectAuditField(event, "ka.response.code"), .string("201"))
        XCTAssertEqual(detectAuditField(event, "ka.req.pod.host_network"), .string("true"))
        XCTAssertNil(detectAuditField(event, "ka.target.subresource"))
        XCTAssertEqual(detectAuditField(event, "ka.uri.param", "dryRun"), .string("All"))
    }

    func testListFieldsAndIndexArguments() {
        XCTAssertEqual(detectAuditField(event, "ka.user.groups"), .list([.string("dev"), .string("system:authenticated")]))
        XCTAssertEqual(detectAuditField(event, "ka.req.pod.containers.image.repository"),
                       .list([.string("nginx"), .string("registry.local/app")]))
        XCTAssertEqual(detectAuditField(event, "ka.req.pod.containers.image", "1"), .list([.string("registry.local/app@sha256:ab")]))
        XCTAssertNil(detectAuditField(event, "ka.req.pod.containers.image", "5"))
        // Containers without the flag are skipped.
        XCTAssertEqual(detectAuditField(event, "ka.req.pod.containers.privileged"), .list([.string("true")]))
        XCTAssertNil(detectAuditField(event, "ka.req.pod.initContainers.privileged"))
        XCTAssertEqual(detectAuditField(event, "ka.req.pod.volumes.hostpath"), .list([.string("/etc")]))
        XCTAssertEqual(detectAuditField(event, "ka.req.volume.hostpath", "/et*"), .string("true"))
    }

    func testJSONPointerAndObjects() {
        XCTAssertEqual(detectAuditField(event, "jevt.value", "/stage"), .string("ResponseComplete"))
        XCTAssertEqual(detectAuditField(event, "jevt.value", "/user/groups/1"), .string("system:authenticated"))
        XCTAssertEqual(detectAuditField(event, "jevt.value", "/responseStatus"), .string("{\"metadata\":{},\"code\":201}"))
        XCTAssertNil(detectAuditField(event, "jevt.value", "/nope"))
        XCTAssertEqual(detectAuditField(event, "ka.req.configmap.obj"), nil)
    }

    func testConditionsEvaluateOverAuditEvents() throws {
        var compiler = FilterCompiler(source: "k8s_audit")
        let filter = try compiler.compile(FilterParser.parse(
            "ka.verb=create and ka.req.pod.containers.privileged intersects (true) and jevt.value[/stage] in (ResponseComplete)"))
        XCTAssertTrue(filter.matches(event))
    }
}
