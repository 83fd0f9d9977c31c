import Foundation
import PalisadeCore
import Rego
import XCTest

/// Every workload control carries the METADATA docs/controls.md requires.
final class ControlsWorkloadMetadataTests: XCTestCase {
    static let severities: Set<String> = ["info", "low", "medium", "high", "critical"]
    static let frameworkKeys: Set<String> = ["NSA-CISA", "MITRE", "CIS", "PSS", "SOC2", "PCI-DSS", "HIPAA"]
    static let knownKinds: Set<String> = [
        "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
        "CronJob", "PodTemplate", "ConfigMap", "PodDisruptionBudget", "HorizontalPodAutoscaler",
    ]

    private func controls() throws -> [ControlsWorkloadMetadata] {
        try ControlsWorkloadPaths.regoFiles(below: ControlsWorkloadPaths.workloadControls).map { url in
            let module = try RegoParser.parseModule(try String(contentsOf: url, encoding: .utf8), file: url.path)
            return ControlsWorkloadMetadata(module: module, file: url.path)
        }
    }

    func testLibraryHasAtLeast48Controls() throws {
        XCTAssertGreaterThanOrEqual(try controls().count, 48)
    }

    func testWholeLibraryCompilesOrOnlyOtherAreasAreBroken() throws {
        let harness = try ControlsWorkloadHarness.shared()
        if let note = harness.note { print("note: \(note)") }
        XCTAssertFalse(harness.controls.isEmpty)
    }

    func testIdsAreUniqueAndInTheWorkloadRange() throws {
        var seen: [String: String] = [:]
        for control in try controls() {
            guard let id = control.id else { XCTFail("\(control.file): no custom.id"); continue }
            XCTAssertNotNil(id.wholeMatch(of: /PAL-0\d\d/), "\(control.file): id \(id)")
            XCTAssertNotEqual(id, "PAL-000", control.file)
            if let other = seen[id] { XCTFail("\(id) used by \(other) and \(control.file)") }
            seen[id] = control.file
        }
    }

    func testPackageMatchesFileName() throws {
        for control in try controls() {
            let stem = URL(fileURLWithPath: control.file).deletingPathExtension().lastPathComponent
            XCTAssertEqual(control.package, ["palisade", "controls", stem], control.file)
            XCTAssertNotNil(stem.wholeMatch(of: /[a-z][a-z0-9_]*/), control.file)
        }
    }

    func testRequiredFieldsArePresent() throws {
        for control in try controls() {
            XCTAssertFalse((control.title ?? "").isEmpty, "\(control.file): title")
            XCTAssertFalse((control.description ?? "").isEmpty, "\(control.file): description")
            XCTAssertFalse((control.remediation ?? "").isEmpty, "\(control.file): remediation")
            XCTAssertTrue(Self.severities.contains(control.severity ?? ""), "\(control.file): severity \(control.severity ?? "nil")")
            XCTAssertFalse(control.kinds.isEmpty, "\(control.file): kinds")
            for kind in control.kinds {
                XCTAssertTrue(Self.knownKinds.contains(kind), "\(control.file): kind \(kind)")
            }
        }
    }

    func testFrameworkMappingsAreWellFormed() throws {
        for control in try controls() {
            let frameworks = control.frameworks
            XCTAssertTrue(Set(frameworks.keys).isSubset(of: Self.frameworkKeys), "\(control.file): \(frameworks.keys)")
            let primary = ["NSA-CISA", "MITRE", "CIS"].contains { !(frameworks[$0] ?? []).isEmpty }
            XCTAssertTrue(primary, "\(control.file): needs an NSA-CISA, MITRE or CIS mapping")
            for id in frameworks["MITRE"] ?? [] {
                XCTAssertNotNil(id.wholeMatch(of: /T1\d{3}(\.\d{3})?/), "\(control.file): MITRE \(id)")
            }
            for id in frameworks["CIS"] ?? [] {
                XCTAssertNotNil(id.wholeMatch(of: /5\.\d{1,2}\.\d{1,2}/), "\(control.file): CIS \(id)")
            }
            for id in frameworks["PSS"] ?? [] {
                XCTAssertNotNil(id.wholeMatch(of: /(baseline|restricted)(:[A-Za-z_]+)?/), "\(control.file): PSS \(id)")
            }
            for section in frameworks["NSA-CISA"] ?? [] {
                XCTAssertFalse(section.isEmpty, control.file)
            }
            XCTAssertFalse(control.references.isEmpty, "\(control.file): references")
            let compliance = ["SOC2", "PCI-DSS", "HIPAA"].contains { !(frameworks[$0] ?? []).isEmpty }
            if compliance {
                XCTAssertTrue(control.references.contains { $0.contains("cis-controls-navigator") },
                              "\(control.file): compliance mappings must cite their source")
            }
        }
    }

    func testHarnessSeesEveryControl() throws {
        let harness = try ControlsWorkloadHarness.shared()
        XCTAssertEqual(Set(harness.controls.keys), Set(try controls().map(\.slug)))
    }
}

