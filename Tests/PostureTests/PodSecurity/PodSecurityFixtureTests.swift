import XCTest
import Foundation
import PalisadeCore
@testable import Posture

/// Runs every upstream fixture listed in the shared corpus's `index.json`.
final class PodSecurityFixtureTests: XCTestCase {
    func testEveryFixtureAgrees() throws {
        let directory = PodSecurityTestSupport.fixturesDirectory
        let indexPath = directory + "/index.json"
        guard let data = FileManager.default.contents(atPath: indexPath) else {
            throw XCTSkip("Pod Security fixtures not found at \(directory)")
        }
        let rows = try XCTUnwrap(try JSONReader.decode(bytes: Array(data), file: indexPath).arrayValue)
        var disagreements: [String] = []
        for row in rows {
            guard let file = row["file"]?.stringValue, let level = row["level"]?.stringValue,
                  let version = row["version"]?.stringValue, let expect = row["expect"]?.stringValue else {
                disagreements.append("malformed row \(row)")
                continue
            }
            let substring = row["expectErrorSubstring"]?.stringValue ?? row["check"]?.stringValue ?? ""
            let path = directory + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let object = try YAMLReader.decode(text, file: path)
            let pod = try XCTUnwrap(PodSecurityPodSpec.extract(from: object), path)
            let policy = try PodSecurityPolicy(parsing: "\(level):\(version)")
            let found = PodSecurityEvaluator.evaluate(podMetadata: pod.metadata, podSpec: pod.spec, policy: policy)
            let message = PodSecurityEvaluator.denialMessage(found, policy: policy)
            let agrees = expect == "allowed" ? message == nil : message?.contains(substring) == true
            if !agrees { disagreements.append("\(file): \(message ?? "allowed")") }
        }
        XCTAssertGreaterThan(rows.count, 4000)
        XCTAssertEqual(disagreements, [], "\(disagreements.count) of \(rows.count) fixtures disagree")
    }
}
