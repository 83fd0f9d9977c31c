import XCTest
@testable import NetPolicy

/// Invalid Calico objects are left out and reported with file:line and the reason; the rest is analysed.
final class CalicoRejectionTests: XCTestCase {
    /// The reasons given, and the 1-based line where the broken object's document starts.
    private func rejected(_ spec: String, file: StaticString = #filePath, line: UInt = #line) -> (reasons: [String], line: Int) {
        let text = CalicoYAML.pod("a", labels: ["app": "a"]) + """
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: valid
          namespace: default
        spec:
          ingress: [{action: Allow}]
        ---
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: broken
          namespace: default
        spec:
        \(spec)

        """
        let f = CalicoFixture(text, file: file, line: line)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let nameLine = lines.firstIndex(of: "  name: broken") ?? 0
        let documentStart = (lines[..<nameLine].lastIndex(of: "---") ?? 0) + 2
        XCTAssertEqual(f.topology.model.policies.filter { $0.ref.kind == "CalicoNetworkPolicy" }.map(\.ref.name), ["valid"], file: file, line: line)
        return (f.rejectedReasons, documentStart)
    }

    private func assertRejected(_ spec: String, mentioning text: String, file: StaticString = #filePath, line: UInt = #line) {
        let (reasons, documentStart) = rejected(spec, file: file, line: line)
        XCTAssertEqual(reasons.count, 1, "\(reasons)", file: file, line: line)
        guard let reason = reasons.first else { return }
        XCTAssertTrue(reason.hasPrefix("test.yaml:\(documentStart):"), "file:line of the broken object: \(reason)", file: file, line: line)
        XCTAssertTrue(reason.contains(text), reason, file: file, line: line)
    }

    func testBadSelector() {
        assertRejected("  selector: app = 'a'", mentioning: "invalid selector")
    }

    func testBadRuleSelector() {
        assertRejected("  ingress:\n    - action: Allow\n      source:\n        selector: has(app", mentioning: "source.selector")
    }

    func testBadCIDR() {
        assertRejected("  ingress:\n    - action: Allow\n      source:\n        nets: [10.0.0.0/33]", mentioning: "invalid CIDR")
    }

    func testBadPortRange() {
        assertRejected("  ingress:\n    - action: Allow\n      protocol: TCP\n      destination:\n        ports: ['90:80']", mentioning: "port range")
    }

    func testPortsWithoutPortProtocol() {
        assertRejected("  ingress:\n    - action: Allow\n      destination:\n        ports: [80]", mentioning: "protocol")
    }

    func testUnknownAction() {
        assertRejected("  ingress:\n    - action: Reject", mentioning: "unknown action")
    }

    func testTooManyRules() {
        let rules = String(repeating: "    - action: Allow\n", count: 1025)
        assertRejected("  ingress:\n" + rules, mentioning: "at most 1024")
    }

    func testUnknownTier() {
        assertRejected("  tier: nowhere", mentioning: "tier \"nowhere\" does not exist")
    }

    func testICMPWithoutICMPProtocol() {
        assertRejected("  ingress:\n    - action: Allow\n      protocol: TCP\n      icmp: {type: 8}", mentioning: "ICMP")
    }
}
