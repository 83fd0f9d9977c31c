import Foundation
import Kube
import PalisadeCore
@testable import Posture
import XCTest

/// Kubescape regolibrary rules run unchanged as scan controls (`--kubescape DIR`).
final class ScanEngineKubescapeTests: XCTestCase {
    private var regolibrary: String { SharedCorpus.root + "/conformance/kubescape-regolibrary" }

    private func scan(_ objects: [KubeObject], ids: [String]) throws -> ScanReport {
        guard FileManager.default.fileExists(atPath: regolibrary + "/rules") else {
            throw XCTSkip("Kubescape regolibrary corpus not found at \(regolibrary)")
        }
        var options = ScanOptions(now: Timestamp(nanoseconds: 0))
        options.includeBuiltIn = false
        options.kubescapeDirectory = regolibrary
        options.controlIDs = ids
        let configuration = try ScanConfiguration(options)
        return configuration.scan.scan(ScanInputs(objects: objects, descriptions: ["test"]), settings: configuration.settings)
    }

    func testPrivilegedContainerRuleFailsThePrivilegedPodOnly() throws {
        // rule-privileged-container's metadata names the rule "rule-privilege-escalation".
        let privileged = ScanEngineFixtures.deployment("root", privileged: true)
        let plain = ScanEngineFixtures.deployment("plain")
        let report = try scan([privileged, plain], ids: ["KS-rule-privilege-escalation"])
        XCTAssertEqual(report.errors, [])
        let control = try XCTUnwrap(report.controls.first { $0.control.id == "KS-rule-privilege-escalation" })
        XCTAssertEqual(control.failed, 1)
        XCTAssertEqual(control.passed, 1)
        let finding = try XCTUnwrap(report.failures.first)
        XCTAssertEqual(finding.resource?.name, "root")
        XCTAssertTrue(finding.message.contains("privileged"), finding.message)
    }

    func testEveryRuleOfTheLibraryLoadsAsAControl() throws {
        let report = try scan([], ids: [])
        let rules = try FileManager.default.contentsOfDirectory(atPath: regolibrary + "/rules")
            .filter { FileManager.default.fileExists(atPath: regolibrary + "/rules/\($0)/rule.metadata.json") }
        XCTAssertEqual(report.controls.count, rules.count)
        XCTAssertTrue(report.controls.allSatisfy { $0.control.id.hasPrefix("KS-") })
    }

    func testAMissingRulesDirectoryIsASetupError() {
        var options = ScanOptions(now: Timestamp(nanoseconds: 0))
        options.kubescapeDirectory = "/nonexistent"
        XCTAssertThrowsError(try ScanConfiguration(options)) { error in
            XCTAssertTrue("\(error)".contains("--kubescape"), "\(error)")
        }
    }
}
