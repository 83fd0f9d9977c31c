@testable import Detection
import Foundation
import XCTest

/// The per-event rule pruning must never change which rules match.
final class DetectRuleKeyIndexTests: XCTestCase {
    func testPrunedRulesMatchLikeEveryRule() throws {
        guard let root = DetectAuditCorpus.falco else { throw XCTSkip("Falco corpus not present") }
        let text = try String(contentsOfFile: root + "/rules/k8s_audit_rules.yaml", encoding: .utf8)
        let (ruleSet, _) = RulesLoader.load(files: [(text, "k8s_audit_rules.yaml")])
        var options = DetectionOptions(hostname: "test")
        options.ruleMatching = .all
        let engine = DetectionEngine(rules: ruleSet, options: options)
        XCTAssertNotNil(engine.dispatch.sources["k8s_audit"]?.keyIndex, "k8s_audit rules should be indexed")
        let directory = root + "/regression-suite/k8s_audit_events"
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
            let bytes = try DetectAuditCorpus.bytes("regression-suite/k8s_audit_events/" + name)
            for event in (try? AuditEventDecoder.decode(bytes, maxBytes: 1 << 20)) ?? [] {
                let everyRule = engine.rules.indices.filter { engine.rules[$0].filter.matches(event) }
                XCTAssertEqual(engine.matchingRules(event), everyRule, name)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 30)
    }

    func testRequiredValuesFollowAndOrNot() throws {
        let (ruleSet, _) = RulesLoader.load(files: [("""
        - rule: r
          desc: d
          output: o
          priority: INFO
          source: k8s_audit
          condition: ka.verb in (create, update) and (ka.target.resource=pods or ka.target.resource=secrets) and not ka.verb=get
        """, "r.yaml")])
        let rule = try XCTUnwrap(ruleSet.rules.first)
        let verb = try XCTUnwrap(FieldRegistry.standard.resolve("ka.verb", argument: nil))
        let resource = try XCTUnwrap(FieldRegistry.standard.resolve("ka.target.resource", argument: nil))
        XCTAssertEqual(RuleKeyIndex.requiredValues(rule.filter, verb), ["create", "update"])
        XCTAssertEqual(RuleKeyIndex.requiredValues(rule.filter, resource), ["pods", "secrets"])
    }
}
