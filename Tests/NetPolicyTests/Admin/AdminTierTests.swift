import XCTest
@testable import NetPolicy

/// Precedence across tiers: Admin (ANP) → NetworkPolicy → Baseline (BANP) → allow,
/// per the network-policy-api API reference.
final class AdminTierTests: XCTestCase {
    private let denyFromA = """
      ingress:
        - name: deny-a
          action: Deny
          from:
            - namespaces: {matchLabels: {kubernetes.io/metadata.name: a}}
    """
    private let passFromA = """
      ingress:
        - name: pass-a
          action: Pass
          from:
            - namespaces: {matchLabels: {kubernetes.io/metadata.name: a}}
    """

    func testAdminDenyOverridesNetworkPolicyAllow() {
        let f = AdminFixture([AdminFixture.cluster, AdminFixture.allowIngressNP(namespace: "b", from: "a"),
                              AdminFixture.anp("deny", priority: 5, subjectNamespace: "b", body: denyFromA)].joined(separator: "\n---\n"))
        XCTAssertEqual(f.rejections, [])
        XCTAssertEqual(f.allowed("a/client", "b/server"), .none)
    }

    func testPassHandsTheDecisionToTheNetworkPolicyWhichHidesTheBaseline() {
        let f = AdminFixture([AdminFixture.cluster, AdminFixture.allowIngressNP(namespace: "b", from: "a"),
                              AdminFixture.anp("pass", priority: 5, subjectNamespace: "b", body: passFromA),
                              AdminFixture.banp(subjectNamespace: "b", body: denyFromA)].joined(separator: "\n---\n"))
        XCTAssertEqual(f.allowed("a/client", "b/server"), .allKubernetes, "the NetworkPolicy selects the pod, so it decides")
    }

    func testPassWithoutNetworkPolicyReachesTheBaseline() {
        let f = AdminFixture([AdminFixture.cluster,
                              AdminFixture.anp("pass", priority: 5, subjectNamespace: "b", body: passFromA),
                              AdminFixture.banp(subjectNamespace: "b", body: denyFromA)].joined(separator: "\n---\n"))
        XCTAssertEqual(f.allowed("a/client", "b/server"), .none)
    }

    func testTrafficNoRuleMatchesIsAllowed() {
        let f = AdminFixture([AdminFixture.cluster,
                              AdminFixture.anp("deny", priority: 5, subjectNamespace: "b", body: denyFromA)].joined(separator: "\n---\n"))
        XCTAssertEqual(f.allowed("b/other", "b/server"), .allKubernetes)
    }

    func testLowerPriorityValueIsEvaluatedFirst() {
        let allowFromA = denyFromA.replacingOccurrences(of: "action: Deny", with: "action: Allow")
        let f = AdminFixture([AdminFixture.cluster,
                              AdminFixture.anp("z-deny", priority: 20, subjectNamespace: "b", body: denyFromA),
                              AdminFixture.anp("a-allow", priority: 10, subjectNamespace: "b", body: allowFromA),
                              AdminFixture.banp(subjectNamespace: "b", body: denyFromA)].joined(separator: "\n---\n"))
        XCTAssertEqual(f.allowed("a/client", "b/server"), .allKubernetes)
        XCTAssertEqual(f.topology.model.tiers.first?.policies.map(\.ref.name), ["a-allow", "z-deny"])
    }

    func testEqualPrioritiesRunInNameOrderWithAWarning() {
        let allowFromA = denyFromA.replacingOccurrences(of: "action: Deny", with: "action: Allow")
        let f = AdminFixture([AdminFixture.cluster,
                              AdminFixture.anp("b-deny", priority: 10, subjectNamespace: "b", body: denyFromA),
                              AdminFixture.anp("a-allow", priority: 10, subjectNamespace: "b", body: allowFromA)].joined(separator: "\n---\n"))
        XCTAssertEqual(f.allowed("a/client", "b/server"), .allKubernetes)
        XCTAssertTrue(f.topology.warnings.contains { $0.contains("same priority 10") }, "\(f.topology.warnings)")
    }

    func testRulesAreFirstMatchInWrittenOrder() {
        let body = """
          ingress:
            - name: allow-8080
              action: Allow
              from: [{namespaces: {}}]
              ports: [{portNumber: {protocol: TCP, port: 8080}}]
            - name: deny-all
              action: Deny
              from: [{namespaces: {}}]
            - name: allow-all
              action: Allow
              from: [{namespaces: {}}]
        """
        let f = AdminFixture([AdminFixture.cluster, AdminFixture.anp("order", priority: 1, subjectNamespace: "b", body: body)]
            .joined(separator: "\n---\n"))
        XCTAssertEqual(f.allowed("a/client", "b/server"), .tcp(8080))
    }

    func testHostNetworkPodsAreNotSubjects() {
        let hostPod = AdminFixture.pod("agent", "b", labels: "app: agent", hostNetwork: true)
        let f = AdminFixture([AdminFixture.cluster, hostPod,
                              AdminFixture.anp("deny", priority: 5, subjectNamespace: "b", body: denyFromA)].joined(separator: "\n---\n"))
        XCTAssertEqual(f.allowed("a/client", "b/agent"), .allKubernetes)
    }
}
