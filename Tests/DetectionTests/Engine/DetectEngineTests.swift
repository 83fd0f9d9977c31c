import Foundation
import XCTest
@testable import Detection
import PalisadeCore

/// A syscall-like event for engine tests: a type and a few string fields.
struct DetectEngineFakeEvent: FieldSource {
    var eventType: String?
    var fields: [String: String]
    var source: String { "syscall" }

    func extract(_ field: FieldRef) -> FieldValue? {
        if field.name == "evt.type" { return eventType.map(FieldValue.string) }
        if field.name == "evt.rawtime" { return .integer(1_700_000_000_123_456_789) }
        return fields[field.name].map(FieldValue.string)
    }
}

func detectEngineRules(_ yaml: String) throws -> RuleSet {
    let (ruleSet, diagnostics) = RulesLoader.load(files: [(yaml, "test.yaml")])
    XCTAssertFalse(diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    return ruleSet
}

final class DetectEngineTests: XCTestCase {
    let rules = """
    - rule: open etc
      desc: d
      condition: evt.type in (open, openat) and fd.name startswith /etc
      output: "%proc.name opened %fd.name"
      priority: WARNING
    - rule: any shell
      desc: d
      condition: proc.name = bash
      output: shell %proc.name
      priority: NOTICE
      warn_evttypes: false
    - rule: not open
      desc: d
      condition: evt.type != open and proc.name = bash
      output: not open
      priority: DEBUG
      warn_evttypes: false
    """

    func testDispatchByEventTypeAndUnrestrictedRules() throws {
        let engine = DetectionEngine(rules: try detectEngineRules(rules), options: {
            var options = DetectionOptions(hostname: "h")
            options.ruleMatching = .all
            return options
        }())
        let open = DetectEngineFakeEvent(eventType: "open", fields: ["fd.name": "/etc/passwd", "proc.name": "bash"])
        XCTAssertEqual(engine.process(open).map(\.rule), ["open etc", "any shell"])
        let execve = DetectEngineFakeEvent(eventType: "execve", fields: ["proc.name": "bash"])
        XCTAssertEqual(engine.process(execve).map(\.rule), ["any shell", "not open"])
        XCTAssertEqual(engine.counters.events, 2)
        XCTAssertEqual(engine.counters.matches, [1, 2, 1])
    }

    func testRuleMatchingFirstAndMinimumPriority() throws {
        let ruleSet = try detectEngineRules(rules)
        let event = DetectEngineFakeEvent(eventType: "open", fields: ["fd.name": "/etc/passwd", "proc.name": "bash"])
        XCTAssertEqual(DetectionEngine(rules: ruleSet).process(event).map(\.rule), ["open etc"])
        var options = DetectionOptions()
        options.minimumPriority = .notice
        options.ruleMatching = .all
        let engine = DetectionEngine(rules: ruleSet, options: options)
        XCTAssertEqual(engine.rules.map(\.name), ["open etc", "any shell"])
        options.enabledSources = ["k8s_audit"]
        XCTAssertTrue(DetectionEngine(rules: ruleSet, options: options).process(event).isEmpty)
    }

    func testRegressionAuditEventsRaiseTheirRules() throws {
        guard let root = DetectAuditCorpus.falco else { throw XCTSkip("Falco corpus not present") }
        let text = try String(contentsOfFile: root + "/rules/k8s_audit_rules.yaml", encoding: .utf8)
        let (ruleSet, diagnostics) = RulesLoader.load(files: [(text, "k8s_audit_rules.yaml")])
        XCTAssertFalse(diagnostics.contains { $0.severity == .error })
        let engine = DetectionEngine(rules: ruleSet)
        // Expected rules from regression-suite/cases_k8saudit.yaml.
        let expected = [
            "create_service.json": "K8s Service Created", "delete_configmap.json": "K8s ConfigMap Deleted",
            "create_nginx_pod_privileged.json": "Create Privileged Pod", "exec_pod.json": "Attach/Exec Pod",
            "create_nginx_service_nodeport.json": "Create NodePort Service",
            "attach_cluster_admin_role.json": "Attach to cluster-admin Role",
            "create_cluster_role_wildcard_resources.json": "ClusterRole With Wildcard Created",
        ]
        for (file, rule) in expected {
            let events = try AuditEventDecoder.decode(try DetectAuditCorpus.bytes("regression-suite/k8s_audit_events/" + file), maxBytes: 1 << 20)
            let raised = events.flatMap(engine.process).map(\.rule)
            XCTAssertEqual(raised.filter { $0 == rule }.count, 1, "\(file): \(raised)")
        }
    }
}
