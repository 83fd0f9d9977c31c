import Foundation
import XCTest

/// `palisade scan` exit codes (0 ok, 1 threshold breached, 2 unusable input
/// or options), run against the built CLI beside the test bundle.
final class ScanEngineCommandTests: XCTestCase {
    private var directory: URL!
    private var palisade: URL!

    override func setUpWithError() throws {
        let buildDirectory = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        palisade = buildDirectory.appendingPathComponent("palisade")
        guard FileManager.default.isExecutableFile(atPath: palisade.path) else {
            throw XCTSkip("no palisade executable at \(palisade.path); build the package first")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("scan-engine-cli-\(UUID().uuidString)")
        let controls = directory.appendingPathComponent("controls")
        try FileManager.default.createDirectory(at: controls, withIntermediateDirectories: true)
        try ScanEngineFixtures.privileged.text.write(to: controls.appendingPathComponent("privileged.rego"), atomically: true, encoding: .utf8)
        try manifest(name: "clean", privileged: false).write(to: directory.appendingPathComponent("clean.yaml"), atomically: true, encoding: .utf8)
        try (manifest(name: "one", privileged: true) + "\n---\n" + manifest(name: "two", privileged: false))
            .write(to: directory.appendingPathComponent("mixed.yaml"), atomically: true, encoding: .utf8)
        try "kind: [\n".write(to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func manifest(name: String, privileged: Bool) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: apps}
        spec:
          template:
            spec:
              containers:
              - {name: app, image: "nginx:1.27", securityContext: {privileged: \(privileged)}}
        """
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = palisade
        let controls = directory.appendingPathComponent("controls").path
        process.arguments = ["scan", "--controls", controls, "--control", "TST-*", "--no-color", "-o", "json"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func file(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testExitCodes() throws {
        XCTAssertEqual(try run([file("clean.yaml")]).status, 0)
        XCTAssertEqual(try run([file("mixed.yaml")]).status, 1, "a failure without thresholds")
        XCTAssertEqual(try run([file("mixed.yaml"), "--severity-threshold", "critical"]).status, 0, "TST-001 is high")
        XCTAssertEqual(try run([file("mixed.yaml"), "--severity-threshold", "high"]).status, 1)
        XCTAssertEqual(try run([file("mixed.yaml"), "--fail-threshold", "60"]).status, 0, "score 50: non-compliance 50 is not above 60")
        XCTAssertEqual(try run([file("mixed.yaml"), "--fail-threshold", "40"]).status, 1)
        XCTAssertEqual(try run([file("clean.yaml"), file("broken.yaml")]).status, 2, "an unreadable input")
        XCTAssertEqual(try run([file("clean.yaml"), "--severity-threshold", "urgent"]).status, 2)
        XCTAssertEqual(try run([file("clean.yaml"), "--control", "NOPE-1"]).status, 2)
        XCTAssertEqual(try run([file("clean.yaml"), "--exceptions", file("missing.yaml")]).status, 2)
    }

    func testSameInputSameBytes() throws {
        let first = try run([file("mixed.yaml"), "--now", "2027-01-01"])
        let second = try run([file("mixed.yaml"), "--now", "2027-01-01"])
        XCTAssertFalse(first.output.isEmpty)
        XCTAssertEqual(first.output, second.output)
    }
}
