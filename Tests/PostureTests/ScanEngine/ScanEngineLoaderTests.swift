import Foundation
import Kube
import PalisadeCore
@testable import Posture
import Rego
import XCTest

/// The control contract of docs/controls.md: required METADATA fields, file:line errors, helpers.
final class ScanEngineLoaderTests: XCTestCase {
    private func problems(_ sources: [RegoSource]) -> [InputError] {
        do {
            _ = try ControlLibrary.load(sources: sources)
            return []
        } catch let error as ControlLibraryError {
            return error.problems
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testValidControlIsParsedFromMetadata() throws {
        let library = try ControlLibrary.load(sources: [ScanEngineFixtures.privileged])
        let info = try XCTUnwrap(library.control(id: "TST-001")).info
        XCTAssertEqual(info.title, "Test control TST-001")
        XCTAssertEqual(info.severity, .high)
        XCTAssertEqual(info.kinds, ["Deployment", "Pod"])
        XCTAssertEqual(info.mappings, [ControlMapping(framework: .nsaCisa, control: "hardening")])
    }

    func testModuleWithoutMetadataIsInvalidWithFileAndLine() {
        let source = RegoSource(file: "plain.rego", text: "package palisade.controls.plain\n\nimport rego.v1\n\ndeny contains \"x\" if { false }\n")
        let found = problems([source])
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location?.file, "plain.rego")
        XCTAssertEqual(found.first?.location?.line, 1)
        XCTAssertTrue(found.first?.message.contains("invalid control") ?? false, "\(found)")
    }

    func testEachRequiredFieldIsChecked() {
        let header = ["# METADATA", "# title: T", "# custom:", "#   id: X-1", "#   severity: high", "#   kinds: [Pod]"]
        for (index, field) in ["title", "id", "severity", "kinds"].enumerated() {
            var lines = header
            lines.remove(at: [1, 3, 4, 5][index])
            let text = lines.joined(separator: "\n") + "\npackage palisade.controls.t\n\nimport rego.v1\n\ndeny contains \"x\" if { false }\n"
            let found = problems([RegoSource(file: "t.rego", text: text)])
            XCTAssertEqual(found.count, 1, field)
            XCTAssertEqual(found.first?.location?.line, 1, field)
            XCTAssertTrue(found.first?.message.contains(field) ?? false, "\(field): \(found)")
        }
    }

    func testUnknownSeverityIsRejected() {
        let source = ScanEngineFixtures.control(id: "X-2", slug: "x", severity: "urgent", body: "deny contains \"x\" if { false }")
        XCTAssertTrue(problems([source]).first?.message.contains("urgent") ?? false)
    }

    func testRegoSyntaxErrorHasFileAndLine() {
        let source = ScanEngineFixtures.control(id: "X-3", slug: "x", body: "deny contains \"x\" if {\n  input.a ==\n}")
        let found = problems([source])
        XCTAssertFalse(found.isEmpty)
        XCTAssertEqual(found.first?.location?.file, "x.rego")
        XCTAssertGreaterThan(found.first?.location?.line ?? 0, 8)
    }

    func testDuplicateIdNamesTheFirstDefinition() {
        let first = ScanEngineFixtures.control(id: "X-4", slug: "a", body: "deny contains \"x\" if { false }")
        let second = ScanEngineFixtures.control(id: "X-4", slug: "b", body: "deny contains \"x\" if { false }")
        let found = problems([first, second])
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location?.file, "b.rego")
        XCTAssertTrue(found.first?.message.contains("a.rego:1") ?? false, "\(found)")
    }

    func testControlWithoutDenyRuleIsInvalid() {
        let source = ScanEngineFixtures.control(id: "X-5", slug: "x", body: "allow := true")
        XCTAssertTrue(problems([source]).first?.message.contains("deny") ?? false)
    }

    func testLibModulesAreHelpersAndUsableByControls() throws {
        let helper = RegoSource(file: "lib/util.rego", text: "package palisade.lib.util\n\nimport rego.v1\n\nis_bad(x) if x == \"bad\"\n")
        let control = ScanEngineFixtures.control(id: "X-6", slug: "uses_lib", kinds: "[ConfigMap]", body: """
        deny contains {"msg": "bad"} if data.palisade.lib.util.is_bad(input.data.value)
        """)
        let library = try ControlLibrary.load(sources: [helper, control])
        XCTAssertEqual(library.controls.map(\.info.id), ["X-6"])
        let bad = KubeObjectFactory.configMap(value: "bad")
        let report = try ScanEngineFixtures.scan([bad], controls: [helper, control])
        XCTAssertEqual(report.failures.map(\.ruleID), ["X-6"])
    }

    func testDirectoryLoadingSkipsTestsAndReportsEveryProblem() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scan-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lib"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try ScanEngineFixtures.privileged.text.write(to: root.appendingPathComponent("privileged.rego"), atomically: true, encoding: .utf8)
        try "package palisade.controls.privileged_test\n\nimport rego.v1\n\ntest_x if true\n"
            .write(to: root.appendingPathComponent("privileged_test.rego"), atomically: true, encoding: .utf8)
        try "package palisade.lib.h\n\nimport rego.v1\n\nf := 1\n".write(to: root.appendingPathComponent("lib/h.rego"), atomically: true, encoding: .utf8)
        let library = try ControlLibrary.load(userDirectories: [root.path], includeBuiltIn: false)
        XCTAssertEqual(library.controls.map(\.info.id), ["TST-001"])

        try "package palisade.controls.broken\n".write(to: root.appendingPathComponent("broken.rego"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ControlLibrary.load(userDirectories: [root.path, root.path + "/missing"], includeBuiltIn: false)) { error in
            let problems = (error as? ControlLibraryError)?.problems ?? []
            XCTAssertEqual(problems.count, 2, "\(problems)")
            XCTAssertTrue(problems.contains { $0.location?.file.hasSuffix("broken.rego") == true && $0.location?.line == 1 })
        }
    }

    func testBuiltInLibraryLoadsAndCompiles() throws {
        guard ControlLibrary.builtInDirectory != nil else { throw XCTSkip("the built-in library is not in this build's resources") }
        let library = try ControlLibrary.load()
        let ids = library.controls.map(\.info.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        for id in ids { XCTAssertNotNil(id.range(of: #"^PAL-[0-9]{3}$"#, options: .regularExpression), id) }
        _ = try ControlScanner(library: library)
    }
}

/// Objects for tests that need a kind the fixtures do not build.
enum KubeObjectFactory {
    static func configMap(value: String) -> Kube.KubeObject {
        Kube.KubeObject(.object(fields: [
            "apiVersion": .string("v1"), "kind": .string("ConfigMap"),
            "metadata": .object(fields: ["name": .string("cm"), "namespace": .string("apps")]),
            "data": .object(fields: ["value": .string(value)]),
        ]))!
    }
}
