import Kube
import XCTest
@testable import NetPolicy

final class ExplainReportTests: XCTestCase {
    private func explain(_ policies: String, only: ExplainFilter? = nil) -> [String] {
        let fixture = ExposureFixture(policies: policies)
        let report = ExplainReport(analysis: ConnectivityAnalysis(topology: fixture.topology), focus: AnalysisFocus(),
                                   only: only, focusConnection: nil)
        return report.render(exposure: nil).components(separatedBy: "\n")
    }

    private func block(_ lines: [String], _ pair: String) -> [String] {
        guard let start = lines.firstIndex(of: "Connections between \(pair):") else { return [] }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("-----") || $0.hasPrefix("####") } ?? lines.endIndex
        return Array(lines[start..<end])
    }

    func testPoliciesWithoutRulesDenyWithThatReason() {
        let lines = explain(ExposureFixture.policy("deny", "  policyTypes: [Ingress]"))
        let b = block(lines, "hello/b[Pod] => hello/a[Pod]")
        XCTAssertTrue(b.contains("Denied connections:"))
        XCTAssertTrue(b.contains("\tDenied TCP, UDP, SCTP due to the following policies and rules:"))
        XCTAssertTrue(b.contains("\t\tEgress (Allowed) due to the system default (Allow all)"))
        XCTAssertTrue(b.contains("\t\t\tNetworkPolicy 'hello/deny' selects hello/a[Pod], but hello/b[Pod] is not allowed by any Ingress rule (no rules defined)"))
    }

    func testPartlyAllowedPairsSplitIntoGroups() {
        let lines = explain(ExposureFixture.policy("web", """
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: b}}}]
              ports: [{port: 8080, protocol: TCP}]
        """))
        let b = block(lines, "hello/b[Pod] => hello/a[Pod]")
        XCTAssertTrue(b.contains("\tAllowed TCP:[8080] due to the following policies and rules:"))
        XCTAssertTrue(b.contains("\t\t\tNetworkPolicy 'hello/web' allows connections by Ingress rule #1"))
        XCTAssertTrue(b.contains("\tDenied TCP:[1-8079,8081-65535], UDP, SCTP due to the following policies and rules:"))
        XCTAssertTrue(b.contains("\t\t\tNetworkPolicy 'hello/web' selects hello/a[Pod], and Ingress rule #1 selects hello/b[Pod], but the protocols and ports do not match"))
    }

    func testExplainOnlyKeepsPairsWithThatVerdict() {
        let policy = ExposureFixture.policy("web", """
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: b}}}]
              ports: [{port: 8080, protocol: TCP}]
        """)
        let denied = explain(policy, only: .deny)
        XCTAssertFalse(denied.contains("Allowed connections:"))
        XCTAssertFalse(denied.contains("# All Connections due to the system default (Allow all) #"))
        XCTAssertTrue(block(denied, "hello/b[Pod] => hello/a[Pod]").contains("Denied connections:"))
        let allowed = explain(policy, only: .allow)
        XCTAssertFalse(allowed.contains("Denied connections:"))
        XCTAssertTrue(allowed.contains("Connections between hello/b[Pod] => hello/a[Pod]:"))
        XCTAssertFalse(allowed.contains("Connections between 0.0.0.0-255.255.255.255[External] => hello/a[Pod]:"),
                       "nothing is allowed from outside to a, so the pair has no allowed group")
    }

    func testPairsOnlyTheDefaultDecidesAreListedAtTheEnd() {
        let lines = explain("")
        XCTAssertFalse(lines.contains("# Specific connections and their reasons #"))
        XCTAssertTrue(lines.contains("# All Connections due to the system default (Allow all) #"))
        XCTAssertTrue(lines.contains("hello/a[Pod] => hello/b[Pod]"))
    }

    func testConnectionTextNamesWholeProtocolsAlone() {
        var set = ConnectionSet.allKubernetes.subtracting(ConnectionSet(.tcp, ports: IntervalSet(80, 80)))
        XCTAssertEqual(ExplainReport.text(set), "TCP:[1-79,81-65535], UDP, SCTP")
        set = ConnectionSet(.udp, ports: IntervalSet(53, 53))
        XCTAssertEqual(ExplainReport.text(set), "UDP:[53]")
    }
}
