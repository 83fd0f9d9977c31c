import XCTest
@testable import PalisadeCore

final class FindingsResultTests: XCTestCase {
    private let deployment = ResourceRef(apiVersion: "apps/v1", kind: "Deployment", namespace: "web", name: "api",
                                         file: "deploy.yaml", line: 12, template: "chart/templates/deploy.yaml")

    func testResourceRef() {
        XCTAssertEqual(deployment.group, "apps")
        XCTAssertEqual(deployment.description, "Deployment web/api")
        XCTAssertEqual(deployment.location?.description, "deploy.yaml:12:1")
        XCTAssertEqual(ResourceRef(apiVersion: "v1", kind: "Namespace", name: "web").description, "Namespace web")
        XCTAssertEqual(ResourceRef(kind: "Namespace", name: "a").toValue().description, #"{"apiVersion":"","kind":"Namespace","name":"a"}"#)
    }

    func testFindingJSONIsDeterministic() {
        let finding = Finding(
            ruleID: "C-0057", title: "Privileged container", severity: .high, resource: deployment,
            path: "spec.template.spec.containers[0].securityContext.privileged", message: "container 'app' is privileged",
            remediation: "Remove privileged: true",
            mappings: [ControlMapping(framework: .mitreAttack, control: "T1611"), ControlMapping(framework: .nsaCisa, control: "pod-security"),
                       ControlMapping(framework: .mitreAttack, control: "T1611")])
        XCTAssertEqual(finding.mappings.map(\.description), ["MITRE:T1611", "NSA-CISA:pod-security"])
        let json = JSONWriter.string(finding.toValue())
        XCTAssertEqual(json, #"{"id":"\#(finding.id)","mappings":[{"control":"T1611","framework":"MITRE"},{"control":"pod-security","framework":"NSA-CISA"}],"message":"container 'app' is privileged","path":"spec.template.spec.containers[0].securityContext.privileged","remediation":"Remove privileged: true","resource":{"apiVersion":"apps/v1","file":"deploy.yaml","kind":"Deployment","line":12,"name":"api","namespace":"web","template":"chart/templates/deploy.yaml"},"ruleID":"C-0057","severity":"high","status":"failed","title":"Privileged container"}"#)
        XCTAssertEqual(finding.id.count, 16)
    }

    func testStableIDIgnoresSourceLocation() {
        var moved = deployment
        moved.file = "other.yaml"
        moved.line = 99
        let a = Finding(ruleID: "R1", title: "t", severity: .low, resource: deployment, message: "m")
        let b = Finding(ruleID: "R1", title: "t", severity: .low, resource: moved, message: "m")
        let c = Finding(ruleID: "R2", title: "t", severity: .low, resource: deployment, message: "m")
        XCTAssertEqual(a.id, b.id)
        XCTAssertNotEqual(a.id, c.id)
        XCTAssertNotEqual(StableID.make(["ab", "c"]), StableID.make(["a", "bc"]))
        XCTAssertEqual(StableID.make([]), "cbf29ce484222325")
    }

    func testExemptionAndSorting() {
        let expiry = Timestamp(parsing: "2030-01-01")
        let exempt = Finding(ruleID: "B", title: "t", severity: .critical, resource: nil, message: "m",
                             status: .exempted(Exemption(justification: "accepted risk", expires: expiry, source: "exceptions.yaml")))
        XCTAssertEqual(exempt.toValue()["exemption"]?.description,
                       #"{"expires":"2030-01-01T00:00:00Z","justification":"accepted risk","source":"exceptions.yaml"}"#)
        XCTAssertEqual(exempt.toValue()["status"], .string("exempted"))
        if case .exempted(let e) = exempt.status {
            XCTAssertFalse(e.isExpired(at: Timestamp(parsing: "2029-12-31")!))
            XCTAssertTrue(e.isExpired(at: Timestamp(parsing: "2030-01-01")!))
        } else { XCTFail("not exempted") }
        let low = Finding(ruleID: "A", title: "t", severity: .low, resource: deployment, message: "m")
        let highB = Finding(ruleID: "B", title: "t", severity: .high, resource: deployment, message: "m")
        let highA = Finding(ruleID: "A", title: "t", severity: .high, resource: deployment, message: "m")
        XCTAssertEqual([low, highB, exempt, highA].sortedForReport().map { "\($0.severity)/\($0.ruleID)" },
                       ["critical/B", "high/A", "high/B", "low/A"])
        XCTAssertEqual([low, highA].toValue().elements?.count, 2)
    }

    func testAlertJSON() {
        let alert = Alert(time: Timestamp(nanoseconds: 1_700_000_000_000_000_001), rule: "Terminal shell in container",
                          priority: .notice, source: "syscall", output: "A shell was spawned",
                          fields: ["proc.name": .string("bash"), "container.id": .string("abc")],
                          tags: ["shell", "container", "mitre_execution"], hostname: "node-1")
        XCTAssertEqual(alert.severity, .low)
        XCTAssertEqual(JSONWriter.string(alert.toValue()),
                       #"{"hostname":"node-1","id":"\#(alert.id)","output":"A shell was spawned","output_fields":{"container.id":"abc","proc.name":"bash"},"priority":"Notice","rule":"Terminal shell in container","severity":"low","source":"syscall","tags":["container","mitre_execution","shell"],"time":"2023-11-14T22:13:20.000000001Z"}"#)
        let earlier = Alert(time: Timestamp(seconds: 1), rule: "Z", priority: .debug, source: "syscall", output: "")
        XCTAssertEqual([alert, earlier].sorted().map(\.rule), ["Z", "Terminal shell in container"])
    }
}
