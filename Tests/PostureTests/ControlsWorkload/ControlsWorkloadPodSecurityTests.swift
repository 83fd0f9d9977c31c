import Foundation
import PalisadeCore
import XCTest

/// The controls mapped to Pod Security Standards checks follow PSS semantics:
/// run the upstream PSS fixtures of the latest policy version through them.
/// A denied pod must be reported by a control mapped to the check it breaks;
/// an allowed pod must pass every control mapped to that level.
final class ControlsWorkloadPodSecurityTests: XCTestCase {
    private struct Mapped {
        let slug: String
        let level: String
        let check: String
    }

    private func corpus() throws -> URL {
        let root = ControlsWorkloadPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/conformance/pod-security")
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("index.json").path) else {
            throw XCTSkip("Pod Security corpus not found at \(root.path)")
        }
        return root
    }

    private func mappedControls(_ harness: ControlsWorkloadHarness) -> [Mapped] {
        harness.controls.values.flatMap { control in
            (control.frameworks["PSS"] ?? []).compactMap { entry -> Mapped? in
                let parts = entry.split(separator: ":").map(String.init)
                guard parts.count == 2 else { return nil }
                return Mapped(slug: control.slug, level: parts[0], check: parts[1])
            }
        }
    }

    func testLatestVersionFixtures() throws {
        let root = try corpus()
        let harness = try ControlsWorkloadHarness.shared()
        let mapped = mappedControls(harness)
        let index = try JSONReader.decode(try String(contentsOf: root.appendingPathComponent("index.json"), encoding: .utf8))
        let rows = index.arrayValue ?? []
        let latest = rows.compactMap { $0["version"]?.stringValue }.max { minor($0) < minor($1) } ?? ""
        var checked = 0
        var problems: [String] = []
        for row in rows where row["version"]?.stringValue == latest {
            guard let file = row["file"]?.stringValue, let level = row["level"]?.stringValue,
                  let expect = row["expect"]?.stringValue else { continue }
            let pod = try YAMLReader.decode(try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8), file: file)
            let levels = level == "restricted" ? ["baseline", "restricted"] : ["baseline"]
            let relevant = mapped.filter { levels.contains($0.level) }
            var reportedBy = Set<String>()
            for slug in Set(relevant.map(\.slug)) where !(try harness.findings(slug, pod)).isEmpty {
                reportedBy.insert(slug)
            }
            checked += 1
            if expect == "allowed", !reportedBy.isEmpty {
                problems.append("\(file): allowed but reported by \(reportedBy.sorted())")
            } else if expect == "denied" {
                let check = row["check"]?.stringValue ?? ""
                let owners = Set(relevant.filter { $0.check == check }.map(\.slug))
                if owners.isDisjoint(with: reportedBy) {
                    problems.append("\(file): denied by \(check) but none of \(owners.sorted()) reports it")
                }
            }
        }
        print("PSS \(latest) fixtures: \(checked - problems.count)/\(checked) agree")
        XCTAssertGreaterThan(checked, 0)
        XCTAssertEqual(problems, [])
    }

    private func minor(_ version: String) -> Int {
        Int(version.split(separator: ".").last ?? "") ?? -1
    }
}
