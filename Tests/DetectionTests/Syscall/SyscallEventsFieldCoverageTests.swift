import Foundation
import XCTest
@testable import Detection

/// Every syscall-source field the stable rules use (FIELDS.md) is extracted.
final class SyscallEventsFieldCoverageTests: XCTestCase {
    func testEveryModelFieldIsInTheRegistry() {
        for field in SyscallField.allCases {
            XCTAssertNotNil(FieldRegistry.standard.lookup(field.rawValue), field.rawValue)
        }
    }

    func testStableRuleFieldsAreProvided() throws {
        let path = SharedCorpus.root + "/conformance/falco/FIELDS.md"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw XCTSkip("absent: \(path)") }
        guard let start = text.range(of: "## Stable syscall rules"), let end = text.range(of: "### evt.type values") else {
            return XCTFail("FIELDS.md layout changed")
        }
        var names: [String] = []
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(3).prefix { $0 != "`" }
            names.append(String(cell.replacingOccurrences(of: "[…]", with: "")))
        }
        XCTAssertEqual(names.count, 65)
        for name in names where !name.hasPrefix("evt.arg.") {
            XCTAssertNotNil(SyscallField(rawValue: name), "\(name) has no extractor")
        }
    }
}
