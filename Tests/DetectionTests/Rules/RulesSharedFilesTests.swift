import Foundation
import XCTest
@testable import Detection

/// Every shared upstream rules file loads and compiles with zero errors.
final class RulesSharedFilesTests: XCTestCase {
    static let directory = SharedCorpus.root + "/conformance/falco/rules"

    func load(_ names: [String]) throws -> (RuleSet, [RulesDiagnostic]) {
        var files: [(text: String, file: String)] = []
        for name in names {
            let path = Self.directory + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("shared rules absent: \(path)") }
            files.append((try String(contentsOfFile: path, encoding: .utf8), name))
        }
        return RulesLoader.load(files: files)
    }

    func assertLoads(_ names: [String], minimumRules: Int) throws {
        let (ruleSet, diagnostics) = try load(names)
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.description), [], "\(names)")
        XCTAssertGreaterThanOrEqual(ruleSet.rules.count, minimumRules, "\(names)")
    }

    func testStableRules() throws { try assertLoads(["falco_rules.yaml"], minimumRules: 25) }
    func testSandboxRulesAfterStable() throws {
        try assertLoads(["falco_rules.yaml", "falco-sandbox_rules.yaml"], minimumRules: 62)
    }
    func testK8sAuditRules() throws { try assertLoads(["k8s_audit_rules.yaml"], minimumRules: 48) }
    func testArchiveRules() throws {
        try assertLoads(["falco_rules.yaml", "archive/falco-deprecated_rules.yaml"], minimumRules: 25)
        try assertLoads(["archive/application_rules.yaml"], minimumRules: 0)
    }
    func testOtherPluginSources() throws {
        for name in ["aws_cloudtrail_rules.yaml", "gcp_auditlog_rules.yaml", "github.yaml", "okta_rules.yaml"] {
            try assertLoads(["other-plugin-sources/" + name], minimumRules: 1)
        }
    }

    func testPluginRequirementsOfSharedFilesAreMet() throws {
        var loader = RulesLoader()
        for name in ["falco_rules.yaml", "k8s_audit_rules.yaml", "other-plugin-sources/okta_rules.yaml"] {
            let path = Self.directory + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("shared rules absent: \(path)") }
            XCTAssertTrue(loader.load(try String(contentsOfFile: path, encoding: .utf8), file: name))
        }
        XCTAssertEqual(loader.unmetPluginRequirements(), [])
        loader.options.plugins = [:]
        XCTAssertEqual(loader.unmetPluginRequirements().count, 4)
    }

    func testStableRulesDispatchByEventType() throws {
        let (ruleSet, _) = try load(["falco_rules.yaml"])
        let rule = try XCTUnwrap(ruleSet.rule(named: "Read sensitive file untrusted"))
        XCTAssertEqual(rule.eventTypes, .only(["open", "openat", "openat2"]))
        let candidates = ruleSet.candidates(source: "syscall", eventType: "execve").map { ruleSet.rules[$0].name }
        XCTAssertTrue(candidates.contains("Run shell untrusted"))
        XCTAssertFalse(candidates.contains("Read sensitive file untrusted"))
    }
}
