import XCTest
@testable import NetPolicy

/// Invalid policies are left out and reported with file:line and the reason.
final class AdminRejectionTests: XCTestCase {
    private func rejections(_ policy: String) -> [String] {
        AdminFixture(AdminFixture.cluster + "\n---\n" + policy, file: "bad.yaml").rejections
    }

    private func anp(priority: String = "5", subject: String = "namespaces: {}", rule: String) -> String {
        """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: bad}
        spec:
          priority: \(priority)
          subject: {\(subject)}
        \(rule)
        """
    }

    private let okRule = "  ingress: [{name: r, action: Deny, from: [{namespaces: {}}]}]"

    private func assertRejected(_ policy: String, containing text: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = rejections(policy)
        XCTAssertEqual(found.count, 1, "\(found)", file: file, line: line)
        XCTAssertTrue(found.first?.contains(text) ?? false, "\(found)", file: file, line: line)
        XCTAssertTrue(found.first?.hasPrefix("bad.yaml:") ?? false, "\(found)", file: file, line: line)
    }

    func testSubjectWithTwoFields() {
        assertRejected(anp(subject: "namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}", rule: okRule),
                       containing: "exactly one field must be set in a subject")
    }

    func testRuleWithoutPeers() {
        assertRejected(anp(rule: "  ingress: [{name: r, action: Deny}]"), containing: "from field must be defined and contain at least one item")
        assertRejected(anp(rule: "  egress: [{name: r, action: Deny, to: []}]"), containing: "to field must be defined and contain at least one item")
    }

    func testPeerWithTwoFields() {
        assertRejected(anp(rule: "  egress: [{name: r, action: Deny, to: [{namespaces: {}, networks: [10.0.0.0/8]}]}]"),
                       containing: "exactly one field must be set in a rule peer")
    }

    func testUnknownAction() {
        assertRejected(anp(rule: "  ingress: [{name: r, action: Accept, from: [{namespaces: {}}]}]"), containing: "unrecognized action")
    }

    func testInvalidCIDR() {
        assertRejected(anp(rule: "  egress: [{name: r, action: Deny, to: [{networks: [10.0.0.300/8]}]}]"), containing: "invalid CIDR address")
        assertRejected(anp(rule: "  egress: [{name: r, action: Deny, to: [{networks: [\"zc00::/8\"]}]}]"), containing: "invalid CIDR address")
        XCTAssertEqual(rejections(anp(rule: "  egress: [{name: r, action: Deny, to: [{networks: [\"fc00::/8\", \"::ffff:10.0.0.1/128\"]}]}]")), [])
    }

    func testPriorityOutOfRange() {
        assertRejected(anp(priority: "1001", rule: okRule), containing: "invalid priority 1001")
    }

    func testPortWithTwoFields() {
        let rule = "  ingress: [{name: r, action: Deny, from: [{namespaces: {}}], ports: [{namedPort: web, portNumber: {port: 80}}]}]"
        assertRejected(anp(rule: rule), containing: "exactly one field must be set in an AdminNetworkPolicyPort")
    }

    func testMoreThan25Rules() {
        let rules = (0..<26).map { "{name: r\($0), action: Deny, from: [{namespaces: {}}]}" }.joined(separator: ", ")
        assertRejected(anp(rule: "  ingress: [\(rules)]"), containing: "at most 25 rules")
    }

    func testDuplicateNameKeepsTheFirst() {
        let found = rejections(anp(rule: okRule) + "\n---\n" + anp(priority: "6", rule: okRule))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.contains("defined more than once") ?? false, "\(found)")
    }

    func testBaselineMustBeNamedDefault() {
        let banp = AdminFixture.banp("other", subjectNamespace: "b", body: okRule)
        let found = rejections(banp)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.contains("named 'default'") ?? false, "\(found)")
    }

    func testInvalidPolicyDoesNotStopTheOthers() {
        let good = AdminFixture.anp("good", priority: 1, subjectNamespace: "b", body: okRule)
        let f = AdminFixture([AdminFixture.cluster, anp(priority: "-1", rule: okRule), good].joined(separator: "\n---\n"))
        XCTAssertEqual(f.rejections.count, 1)
        XCTAssertEqual(f.topology.model.tiers.first?.policies.map(\.ref.name), ["good"])
        XCTAssertEqual(f.allowed("a/client", "b/server"), .none)
    }
}
