import Kube
import PalisadeCore
@testable import Posture
import XCTest

/// Exceptions of docs/controls.md: annotations and the exceptions file, globs, expiry against an injected now.
final class ScanEngineExceptionTests: XCTestCase {
    private let privileged = ScanEngineFixtures.privileged

    func testAnnotationExemptsWithItsReason() throws {
        let object = ScanEngineFixtures.deployment("agent", privileged: true, annotations: [
            "palisade.io/exempt": "TST-001, TST-999", "palisade.io/exempt-reason": "needs host devices",
        ])
        let report = try ScanEngineFixtures.scan([object], controls: [privileged])
        let finding = try XCTUnwrap(report.findings.first)
        XCTAssertEqual(finding.status, .exempted(Exemption(justification: "needs host devices", source: "annotation palisade.io/exempt")))
        XCTAssertTrue(report.failures.isEmpty)
        XCTAssertEqual(report.controls.first?.exempted, 1)
        XCTAssertEqual(report.controls.first?.score, 100)
        XCTAssertEqual(report.severityCounts[.high], 0)
    }

    func testAnnotationExpiryIsCheckedAgainstNow() throws {
        let object = ScanEngineFixtures.deployment("agent", privileged: true, annotations: [
            "palisade.io/exempt": "TST-001", "palisade.io/exempt-until": "2027-03-31",
        ])
        let valid = try ScanEngineFixtures.scan([object], controls: [privileged], now: ScanEngineFixtures.midday)
        XCTAssertEqual(valid.findings.map(\.status.name), ["exempted"])

        let nextDay = Timestamp(seconds: 1_806_537_600)   // 2027-04-01T00:00:00Z
        let expired = try ScanEngineFixtures.scan([object], controls: [privileged], now: nextDay)
        XCTAssertEqual(expired.failures.map(\.ruleID).sorted(), ["PAL-EXPIRED-EXCEPTION", "TST-001"])
        let failure = try XCTUnwrap(expired.failures.first { $0.ruleID == "TST-001" })
        XCTAssertNotNil(failure.details["expiredExceptions"], "the failure notes the expired exception")
        XCTAssertEqual(expired.controls.first?.failed, 1)
    }

    func testExceptionsFileWithGlobs() throws {
        let text = """
        exceptions:
          - control: TST-001
            match: {kind: Deployment, namespace: kube-system, name: "cilium*"}
            justification: CNI agent needs host access
        """
        let exceptions = try ExceptionsFile.parse(text, file: "exceptions.yaml")
        XCTAssertEqual(exceptions.count, 1)
        XCTAssertEqual(exceptions.first?.origin, .file(SourceLocation(file: "exceptions.yaml", line: 2, column: 5)))
        let objects = [
            ScanEngineFixtures.deployment("cilium-agent", namespace: "kube-system", privileged: true),
            ScanEngineFixtures.deployment("cilium-agent", namespace: "apps", privileged: true),
            ScanEngineFixtures.deployment("calico", namespace: "kube-system", privileged: true),
        ]
        let report = try ScanEngineFixtures.scan(objects, controls: [privileged], exceptions: exceptions)
        let exempted = report.findings.filter { $0.status != .failed }
        XCTAssertEqual(exempted.map { $0.resource?.namespace }, ["kube-system"])
        XCTAssertEqual(exempted.map { $0.resource?.name }, ["cilium-agent"])
        if case .exempted(let exemption) = exempted.first?.status {
            XCTAssertEqual(exemption.justification, "CNI agent needs host access")
            XCTAssertEqual(exemption.source, "exceptions.yaml:2")
        } else {
            XCTFail("not exempted")
        }
        XCTAssertEqual(report.failures.count, 2)
        let result = try XCTUnwrap(report.controls.first)
        XCTAssertEqual([result.passed, result.failed, result.exempted], [0, 2, 1])
    }

    func testExceptionsFileExpiryBeforeAndAfterNow() throws {
        let text = """
        exceptions:
          - control: "*"
            match: {name: agent}
            justification: reviewed
            expires: 2027-03-31
        """
        let exceptions = try ExceptionsFile.parse(text, file: "ex.yaml")
        let object = ScanEngineFixtures.deployment("agent", privileged: true)
        let before = try ScanEngineFixtures.scan([object], controls: [privileged], exceptions: exceptions,
                                                 now: Timestamp(seconds: 1_806_537_599))   // 2027-03-31T23:59:59Z
        XCTAssertEqual(before.findings.map(\.status.name), ["exempted"])
        let after = try ScanEngineFixtures.scan([object], controls: [privileged], exceptions: exceptions,
                                                now: Timestamp(seconds: 1_806_537_600))
        XCTAssertEqual(after.failures.map(\.ruleID).sorted(), ["PAL-EXPIRED-EXCEPTION", "TST-001"])
        let note = try XCTUnwrap(after.failures.first { $0.ruleID == "PAL-EXPIRED-EXCEPTION" })
        XCTAssertNil(note.resource)
        XCTAssertTrue(note.message.contains("ex.yaml:2"), note.message)
        XCTAssertTrue(note.message.contains("2027-03-31"), note.message)
    }

    func testUnusedExpiredExceptionIsStillAFinding() throws {
        let exceptions = try ExceptionsFile.parse("exceptions:\n- control: TST-001\n  justification: old\n  expires: 2020-01-01\n", file: "ex.yaml")
        let report = try ScanEngineFixtures.scan([ScanEngineFixtures.deployment("fine")], controls: [privileged], exceptions: exceptions)
        XCTAssertEqual(report.failures.map(\.ruleID), ["PAL-EXPIRED-EXCEPTION"])
    }

    func testExceptionsFileProblemsHaveFileAndLine() {
        let cases: [(String, Int, String)] = [
            ("exceptions:\n- control: TST-001\n", 2, "justification"),
            ("exceptions:\n- justification: x\n", 2, "control"),
            ("exceptions:\n- control: A\n  justification: x\n  expires: someday\n", 4, "someday"),
            ("exceptions:\n- control: A\n  justification: x\n  match: {label: y}\n", 4, "label"),
            ("exceptions:\n- control: A\n  justification: x\n  reason: y\n", 4, "reason"),
            ("exceptions: [\n", 0, ""),
        ]
        for (text, line, word) in cases {
            XCTAssertThrowsError(try ExceptionsFile.parse(text, file: "ex.yaml"), text) { error in
                let input = error as? InputError
                XCTAssertEqual(input?.location?.file, "ex.yaml", text)
                if line > 0 { XCTAssertEqual(input?.location?.line, line, "\(text): \(error)") }
                XCTAssertNotNil(input?.location?.line, "\(text): \(error)")
                XCTAssertTrue(word.isEmpty || (input?.message.contains(word) ?? false), "\(text): \(error)")
            }
        }
    }

    func testGlobPattern() {
        XCTAssertTrue(GlobPattern("cilium*").matches("cilium-agent"))
        XCTAssertTrue(GlobPattern("cilium*").matches("cilium"))
        XCTAssertFalse(GlobPattern("cilium*").matches("my-cilium"))
        XCTAssertTrue(GlobPattern("*").matches(""))
        XCTAssertTrue(GlobPattern("PAL-0?1").matches("PAL-001"))
        XCTAssertFalse(GlobPattern("PAL-0?1").matches("PAL-0011"))
        XCTAssertTrue(GlobPattern("a*b*c").matches("aXXbYYc"))
        XCTAssertFalse(GlobPattern("a*b*c").matches("aXXbYY"))
        XCTAssertTrue(GlobPattern("kube-system").matches("kube-system"))
    }
}
