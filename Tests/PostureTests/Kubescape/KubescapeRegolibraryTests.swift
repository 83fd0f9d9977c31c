import Foundation
import PalisadeCore
import XCTest
@testable import Posture

/// Real regolibrary rules with their own test vectors (skipped when the
/// shared conformance data is not on this machine).
final class KubescapeRegolibraryTests: XCTestCase {
    private let root = SharedCorpus.root + "/conformance/kubescape-regolibrary"

    private func runAll(_ ruleName: String) throws -> [String: String?] {
        guard FileManager.default.fileExists(atPath: root + "/rules/" + ruleName) else {
            throw XCTSkip("regolibrary data not found at \(root)")
        }
        let directory = root + "/rules/" + ruleName
        let engine = try KubescapeRuleEngine(rule: KubescapeRule.load(directory: directory))
        let defaults = try KubescapeControlInputs.load(configFile: root + "/default-config-inputs.json")
        var results: [String: String?] = [:]
        for test in try KubescapeRuleTest.cases(ruleDirectory: directory) {
            results[test.name] = test.judge(engine, defaults: defaults)
        }
        return results
    }

    func testAutomountServiceAccountCasesPass() throws {
        let results = try runAll("automount-service-account")
        XCTAssertGreaterThan(results.count, 5)
        for (name, failure) in results { XCTAssertNil(failure, name) }
    }

    func testSubjectAggregatorRuleCasesPass() throws {
        let results = try runAll("rule-can-create-pod")
        XCTAssertFalse(results.isEmpty)
        for (name, failure) in results { XCTAssertNil(failure, name) }
    }

    func testHostSensorRuleCasesPass() throws {
        let results = try runAll("kubelet-rotate-certificates")
        XCTAssertFalse(results.isEmpty)
        for (name, failure) in results { XCTAssertNil(failure, name) }
    }

    func testWrongExpectationIsReported() throws {
        guard FileManager.default.fileExists(atPath: root) else { throw XCTSkip("regolibrary data not found at \(root)") }
        let directory = root + "/rules/automount-service-account"
        let test = try XCTUnwrap(KubescapeRuleTest.cases(ruleDirectory: directory).first { $0.name == "pod-mount" })
        let expected = try KubescapeRuleTest.expectedResponses(test.directory + "/expected.json")
        XCTAssertEqual(expected.count, 1)
        XCTAssertNotNil(KubescapeRuleTest.compare(actual: [], expected: expected))
    }
}
