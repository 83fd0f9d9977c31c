import PalisadeCore
import XCTest

/// Scenario helpers: a scenario is YAML, whose first document is the object
/// under test and whose other documents are the rest of the inventory.
extension XCTestCase {
    func controlsWorkloadDocuments(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Value] {
        let documents = try YAMLReader.documents(yaml).map(\.value).filter { $0 != .null }
        guard !documents.isEmpty else {
            XCTFail("empty scenario", file: file, line: line)
            throw ControlsWorkloadHarness.Failure(description: "empty scenario")
        }
        return documents
    }

    func controlsWorkloadFindings(_ slug: String, _ yaml: String, config: Value? = nil,
                                  file: StaticString = #filePath, line: UInt = #line) throws -> [Value] {
        let harness = try ControlsWorkloadHarness.shared()
        let documents = try controlsWorkloadDocuments(yaml, file: file, line: line)
        return try harness.findings(slug, documents[0], others: Array(documents.dropFirst()), config: config)
    }

    /// The control reports exactly these (path, message-fragment) findings.
    func workloadDenies(_ slug: String, _ yaml: String, _ expected: [(path: String, message: String)], config: Value? = nil,
                      file: StaticString = #filePath, line: UInt = #line) throws {
        let findings = try controlsWorkloadFindings(slug, yaml, config: config, file: file, line: line)
        let actual = findings.map { ($0["path"]?.stringValue ?? "", $0["msg"]?.stringValue ?? "") }
        XCTAssertEqual(actual.count, expected.count, "\(slug) findings: \(actual)", file: file, line: line)
        for want in expected {
            let match = actual.contains { $0.0 == want.path && $0.1.contains(want.message) }
            XCTAssertTrue(match, "\(slug): no finding at \(want.path) containing \"\(want.message)\" in \(actual)", file: file, line: line)
        }
    }

    func workloadPasses(_ slug: String, _ yaml: String, config: Value? = nil,
                      file: StaticString = #filePath, line: UInt = #line) throws {
        let findings = try controlsWorkloadFindings(slug, yaml, config: config, file: file, line: line)
        XCTAssertEqual(findings, [], "\(slug) should pass", file: file, line: line)
    }
}
