import Foundation
import PalisadeCore
import XCTest

/// Runs the built `palisade` binary on the bundled examples. Skipped when the
/// binary has not been built (e.g. `swift test --filter` on a fresh tree).
final class PalisadeCLITests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func binary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("palisade"),
            Bundle.main.bundleURL.appendingPathComponent("palisade"),
            Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("palisade"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("palisade binary not built next to the test bundle")
        }
        return found
    }

    private func run(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = Self.repo
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    func testEvalPrintsOPAResultShape() throws {
        let r = try run(["policy", "eval", "-d", "examples/policies", "-i", "examples/input/deployment.json", "data.main.deny"])
        XCTAssertEqual(r.status, 0, r.err)
        let value = try JSONReader.decode(r.out)
        let expression = value["result"]?.arrayValue?.first?["expressions"]?.arrayValue?.first
        XCTAssertEqual(expression?["text"], .string("data.main.deny"))
        XCTAssertEqual(expression?["location"], .object(fields: ["row": .int(1), "col": .int(1)]))
        XCTAssertEqual(expression?["value"]?.arrayValue?.count, 2)
        XCTAssertNil(value["result"]?.arrayValue?.first?["bindings"])
    }

    func testEvalBindingsAndUndefined() throws {
        let r = try run(["policy", "eval", "x := 1 + 2"])
        XCTAssertEqual(try JSONReader.decode(r.out)["result"]?.arrayValue?.first?["bindings"], .object(fields: ["x": .int(3)]))
        let undefined = try run(["policy", "eval", "-d", "examples/policies", "data.main.nothing"])
        XCTAssertEqual(undefined.out.trimmingCharacters(in: .whitespacesAndNewlines), "{}")
        XCTAssertEqual(try run(["policy", "eval", "--fail", "data.nothing"]).status, 1)
    }

    func testEvalMergesDataFilesAtTheirDirectoryPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palisade-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("teams/payments"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"owner": "alice"}"#.write(to: dir.appendingPathComponent("teams/payments/data.json"), atomically: true, encoding: .utf8)
        try "limits:\n  cpu: 2\n".write(to: dir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let r = try run(["policy", "eval", "-d", dir.path, "x := [data.teams.payments.owner, data.limits.cpu]"])
        XCTAssertEqual(r.status, 0, r.out + r.err)
        XCTAssertEqual(try JSONReader.decode(r.out)["result"]?.arrayValue?.first?["bindings"]?["x"],
                       .array([.string("alice"), .int(2)]))
    }

    func testEvalStdinInputAndPretty() throws {
        let r = try run(["policy", "eval", "--stdin-input", "--format", "pretty", "input.a"], stdin: #"{"a": [1, 2]}"#)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "[\n  1,\n  2\n]\n")
    }

    func testTestCommandRunsExampleTests() throws {
        let r = try run(["policy", "test", "examples/policies"])
        XCTAssertEqual(r.status, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("data.main_test.test_privileged_container_denied: PASS"), r.out)
        XCTAssertTrue(r.out.hasSuffix("PASS: 5/5\n"), r.out)
        let filtered = try run(["policy", "test", "--run", "latest", "examples/policies"])
        XCTAssertTrue(filtered.out.hasSuffix("PASS: 1/1\n"), filtered.out)
    }

    func testTestCommandReportsFailures() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palisade-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "package t\n\ntest_ok if true\n\ntest_bad if 1 == 2\n".write(to: dir.appendingPathComponent("t_test.rego"), atomically: true, encoding: .utf8)
        let r = try run(["policy", "test", dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.out.contains("data.t.test_bad: FAIL"), r.out)
        XCTAssertTrue(r.out.contains("PASS: 1/2\nFAIL: 1/2"), r.out)
    }

    func testCheckWarnsOnGoodManifestsAndFailsOnBad() throws {
        let good = try run(["policy", "check", "-p", "examples/policies", "examples/manifests"])
        XCTAssertEqual(good.status, 0, good.out + good.err)
        XCTAssertTrue(good.out.contains("WARN - examples/manifests/web.yaml (document 2) - main - Service web: NodePort services expose every node"), good.out)
        let bad = try run(["policy", "check", "-p", "examples/policies", "examples/manifests-bad/debug-pod.yaml"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.out.contains(#"FAIL - examples/manifests-bad/debug-pod.yaml - main - Pod debug: container "shell" must not be privileged"#), bad.out)
        XCTAssertTrue(bad.out.hasSuffix("3 failures, 0 exceptions\n"), bad.out)
    }

    func testCheckJSONAndStdin() throws {
        let r = try run(["policy", "check", "-p", "examples/policies", "--output", "json", "-"],
                        stdin: "kind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: c, image: 'a:latest', resources: {limits: {memory: 1Mi}}}]}\n")
        XCTAssertEqual(r.status, 1)
        let results = try JSONReader.decode(r.out).arrayValue ?? []
        XCTAssertEqual(results.first?["filename"], .string("-"))
        XCTAssertEqual(results.first?["failures"]?.arrayValue?.first?["msg"], .string(#"Pod x: container "c" uses the mutable tag :latest"#))
    }

    func testVerifyExampleSuite() throws {
        let r = try run(["policy", "verify", "examples/gatekeeper"])
        XCTAssertEqual(r.status, 0, r.out + r.err)
        XCTAssertTrue(r.out.hasSuffix("5 passed, 0 failed\n"), r.out)
    }

    func testHelpReadsWell() throws {
        let r = try run(["policy", "--help"])
        XCTAssertEqual(r.status, 0)
        for command in ["eval", "test", "check", "verify"] { XCTAssertTrue(r.out.contains("  \(command) "), r.out) }
        XCTAssertFalse(r.out.contains("bench"))
    }
}
