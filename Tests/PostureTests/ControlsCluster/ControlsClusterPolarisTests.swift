import Foundation
import XCTest
import PalisadeCore
#if canImport(ClusterConformance)
@testable import ClusterConformance
#endif

/// Runs the Polaris fixtures of every check PolarisClusterEquivalents maps and measures how often
/// the mapped controls agree with Polaris (success file: no finding; failure file: at least one).
final class ControlsClusterPolarisTests: XCTestCase {
    static let corpus: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.pathComponents.count > 1, url.lastPathComponent != "Tests" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/conformance/polaris")
    }()

    static let workloadKinds: Set<String> = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"]

    /// The kinds each mapped check targets (its `target` in checks-defs).
    static let targetKinds: [String: Set<String>] = [
        "clusterrolePodExecAttach": ["ClusterRole"],
        "rolePodExecAttach": ["Role"],
        "clusterrolebindingPodExecAttach": ["ClusterRoleBinding"],
        "clusterrolebindingClusterAdmin": ["ClusterRoleBinding"],
        "rolebindingClusterRolePodExecAttach": ["RoleBinding"],
        "rolebindingRolePodExecAttach": ["RoleBinding"],
        "rolebindingClusterAdminClusterRole": ["RoleBinding"],
        "rolebindingClusterAdminRole": ["RoleBinding"],
        "missingNetworkPolicy": workloadKinds,
        "tlsSettingsMissing": ["Ingress"],
        "sensitiveConfigmapContent": ["ConfigMap"],
    ]

    static func slugsByID() throws -> [String: String] {
        var slugs: [String: String] = [:]
        for url in ControlsClusterHarness.ownedControlFiles() {
            let meta = try ControlsClusterMetadataTests.metadata(String(contentsOf: url, encoding: .utf8))
            if let id = meta["custom"]?["id"]?.stringValue { slugs[id] = url.deletingPathExtension().lastPathComponent }
        }
        return slugs
    }

    struct Fixture { var file: String; var check: String; var expectFailure: Bool }

    static func fixtures(checks: Set<String>) throws -> [Fixture] {
        let data = try Data(contentsOf: corpus.appendingPathComponent("index.json"))
        guard let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return rows.compactMap { row in
            guard let file = row["file"] as? String, let check = row["check"] as? String, checks.contains(check),
                  let expect = row["expect"] as? String, (row["kind"] as? String) == "audit" else { return nil }
            return Fixture(file: file, check: check, expectFailure: expect == "fail")
        }
    }

    func testAgreementWithPolaris() throws {
        #if canImport(ClusterConformance)
        let mapping = PolarisClusterEquivalents.controls
        #else
        throw XCTSkip("PolarisClusterEquivalents is not linked into this test target")
        #endif
        guard FileManager.default.fileExists(atPath: Self.corpus.appendingPathComponent("index.json").path) else {
            throw XCTSkip("Polaris corpus not found at \(Self.corpus.path)")
        }
        let slugs = try Self.slugsByID()
        var agreed = 0, total = 0
        var disagreements: [String] = []
        for fixture in try Self.fixtures(checks: Set(mapping.keys)) {
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(fixture.file), encoding: .utf8)
            let objects = try ControlsClusterHarness.objects(fromYAML: text)
            let targets = objects.filter { Self.targetKinds[fixture.check]?.contains($0["kind"]?.stringValue ?? "") ?? false }
            var findings = 0
            for id in mapping[fixture.check] ?? [] {
                let slug = try XCTUnwrap(slugs[id], "no control file for \(id)")
                for target in targets {
                    findings += try ControlsClusterHarness.deny(slug, input: target, objects: objects).count
                }
            }
            total += 1
            if targets.isEmpty == false, (findings > 0) == fixture.expectFailure {
                agreed += 1
            } else {
                disagreements.append("\(fixture.file): expected \(fixture.expectFailure ? "failure" : "success"), got \(findings) findings")
            }
        }
        let percent = total == 0 ? 0 : Double(agreed) * 100 / Double(total)
        print("Polaris cluster checks: \(agreed)/\(total) fixtures agree (\(String(format: "%.1f", percent))%)")
        disagreements.forEach { print("  disagree: \($0)") }
        XCTAssertGreaterThan(total, 0)
        XCTAssertGreaterThanOrEqual(percent, 90)
    }

    func testEveryClusterCheckIsMappedOrExplained() throws {
        #if canImport(ClusterConformance)
        for check in Self.targetKinds.keys {
            XCTAssertNotNil(PolarisClusterEquivalents.controls[check], check)
        }
        let slugs = try Self.slugsByID()
        for (check, ids) in PolarisClusterEquivalents.controls {
            XCTAssertNil(PolarisClusterEquivalents.withoutEquivalent[check], check)
            for id in ids { XCTAssertNotNil(slugs[id], "\(check) -> \(id)") }
        }
        #else
        throw XCTSkip("PolarisClusterEquivalents is not linked into this test target")
        #endif
    }
}
