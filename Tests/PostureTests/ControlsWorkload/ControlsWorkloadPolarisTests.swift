import Foundation
import PalisadeCore
import XCTest

/// Runs the Polaris check fixtures through the controls that
/// Sources/conformance/PolarisWorkloadEquivalents.swift maps them to.
/// Success fixtures must give no finding, failure fixtures at least one.
final class ControlsWorkloadPolarisTests: XCTestCase {
    /// The two tables of PolarisWorkloadEquivalents, read from its source
    /// (the conformance target cannot be imported by a test target).
    struct Equivalents {
        var controls: [String: [String]] = [:]
        var withoutEquivalent: [String: String] = [:]

        init(source: String) {
            let parts = source.components(separatedBy: "withoutEquivalent")
            for line in (parts.first ?? "").split(separator: "\n") {
                guard let match = line.firstMatch(of: /"(\w+)":\s*\[([^\]]*)\]/) else { continue }
                controls[String(match.1)] = match.2.matches(of: /PAL-\d{3}/).map { String($0.0) }
            }
            for line in parts.dropFirst().joined().split(separator: "\n") {
                guard let match = line.firstMatch(of: /"(\w+)":\s*"(.+)"/) else { continue }
                withoutEquivalent[String(match.1)] = String(match.2)
            }
        }
    }

    private func corpus() throws -> URL {
        let root = ControlsWorkloadPaths.polarisCorpus
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("index.json").path) else {
            throw XCTSkip("Polaris corpus not found at \(root.path)")
        }
        return root
    }

    private func equivalents() throws -> Equivalents {
        Equivalents(source: try String(contentsOf: ControlsWorkloadPaths.polarisEquivalents, encoding: .utf8))
    }

    /// Polaris checks about RBAC belong to the RBAC controls' table.
    private func isRBACCheck(_ name: String) -> Bool {
        name.range(of: "role", options: .caseInsensitive) != nil
    }

    func testEveryWorkloadCheckIsMappedOrExplained() throws {
        let root = try corpus()
        let table = try equivalents()
        let definitions = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("checks-defs").path)
        let checks = definitions.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.filter { !isRBACCheck($0) }
        let customChecks = ["nakedPod", "oneController", "resourceRange"]
        for check in checks + customChecks {
            let mapped = table.controls[check] != nil
            let explained = table.withoutEquivalent[check] != nil
            XCTAssertTrue(mapped != explained, "\(check): mapped \(mapped), explained \(explained)")
        }
        let harness = try ControlsWorkloadHarness.shared()
        let ids = Set(harness.controls.values.compactMap(\.id))
        for (check, mapped) in table.controls {
            XCTAssertFalse(mapped.isEmpty, check)
            for id in mapped { XCTAssertTrue(ids.contains(id), "\(check) maps to unknown \(id)") }
        }
    }

    func testFixturesAgreeWithMappedControls() throws {
        let root = try corpus()
        let table = try equivalents()
        let harness = try ControlsWorkloadHarness.shared()
        let slugsByID = Dictionary(uniqueKeysWithValues: harness.controls.values.compactMap { control in control.id.map { ($0, control.slug) } })
        let index = try JSONReader.decode(try String(contentsOf: root.appendingPathComponent("index.json"), encoding: .utf8))
        var agreed = 0
        var disagreements: [String] = []
        for row in index.arrayValue ?? [] {
            guard row["kind"]?.stringValue == "audit", let check = row["check"]?.stringValue,
                  let ids = table.controls[check], let file = row["file"]?.stringValue,
                  let expect = row["expect"]?.stringValue else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let documents = try YAMLReader.documents(text, file: file).map(\.value).filter { $0 != .null }
            var findings: [String] = []
            for document in documents {
                for id in ids {
                    guard let slug = slugsByID[id], let control = harness.controls[slug],
                          control.kinds.contains(document["kind"]?.stringValue ?? "") else { continue }
                    let others = documents.filter { $0 != document }
                    findings += try harness.findings(slug, document, others: others).map { "\(id): \($0["msg"]?.stringValue ?? "")" }
                }
            }
            if (expect == "fail") == !findings.isEmpty {
                agreed += 1
            } else {
                disagreements.append("\(file) expected \(expect), got \(findings)")
            }
        }
        let total = agreed + disagreements.count
        print("Polaris workload fixtures: \(agreed)/\(total) agree")
        for line in disagreements { print("  disagree: \(line)") }
        XCTAssertGreaterThan(total, 0)
        XCTAssertGreaterThanOrEqual(Double(agreed), 0.9 * Double(total), disagreements.joined(separator: "\n"))
    }
}
