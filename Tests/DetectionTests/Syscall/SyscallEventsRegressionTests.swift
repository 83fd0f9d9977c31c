import Foundation
import XCTest
@testable import Detection

/// falco-regression cases with `.scap` inputs: the expected alert counts per
/// rule and priority (cases_syscall.yaml) against our replay and the rules
/// engine; at least 90% must pass.
final class SyscallEventsRegressionTests: XCTestCase {
    func testCaptureCasesPass() throws {
        let casesPath = SyscallEventsRegressionCase.directory + "/cases_syscall.yaml"
        guard FileManager.default.fileExists(atPath: casesPath) else { throw XCTSkip("shared corpus absent: \(casesPath)") }
        let cases = try SyscallEventsRegressionCase.loadAll()
        XCTAssertEqual(cases.count, 59)
        var captures: [String: [SyscallEvent]] = [:]
        var failed: [String] = []
        for regressionCase in cases {
            if captures[regressionCase.input] == nil {
                captures[regressionCase.input] = try SyscallReplay.load(
                    path: SyscallEventsRegressionCase.directory + "/" + regressionCase.input)
            }
            let (byRule, priorities) = try regressionCase.run(events: captures[regressionCase.input] ?? [])
            let failures = regressionCase.check(byRule: byRule, priorities: priorities)
            if !failures.isEmpty { failed.append("\(regressionCase.name): \(failures.joined(separator: "; "))") }
        }
        let passed = cases.count - failed.count
        print("falco-regression syscall capture cases: \(passed) passed, \(failed.count) failed")
        for failure in failed { print("  FAIL \(failure)") }
        XCTAssertGreaterThanOrEqual(Double(passed), 0.9 * Double(cases.count), failed.joined(separator: "\n"))
    }
}
