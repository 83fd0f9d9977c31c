import XCTest
@testable import NetPolicy

/// Tiers, policy order, Pass, Log, end-of-tier drop and types defaulting, per the Calico Tier and NetworkPolicy references.
final class CalicoTierTests: XCTestCase {
    private let pods = CalicoYAML.pod("a", labels: ["app": "a"]) + CalicoYAML.pod("b", labels: ["app": "b"])

    private func policy(_ name: String, order: String? = nil, tier: String? = nil, selector: String = "app == 'b'",
                        ingress: [String], types: String? = nil) -> String {
        var spec = ["  selector: \(selector)"]
        if let order { spec.append("  order: \(order)") }
        if let tier { spec.append("  tier: \(tier)") }
        if let types { spec.append("  types: \(types)") }
        spec.append("  ingress:")
        spec += ingress.map { "    - action: \($0)" }
        return "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: \(name)\n  namespace: default\nspec:\n"
            + spec.joined(separator: "\n") + "\n---\n"
    }

    func testLowerOrderRunsFirst() {
        let denyFirst = CalicoFixture(pods + policy("z-deny", order: "1", ingress: ["Deny"]) + policy("a-allow", order: "2", ingress: ["Allow"]))
        XCTAssertEqual(denyFirst.allowed("default/a", "default/b"), .none)
        let allowFirst = CalicoFixture(pods + policy("z-deny", order: "2", ingress: ["Deny"]) + policy("a-allow", order: "1", ingress: ["Allow"]))
        XCTAssertEqual(allowFirst.allowed("default/a", "default/b"), .allProtocols)
    }

    func testMissingOrderSortsLastAndTiesGoByName() {
        let noOrder = CalicoFixture(pods + policy("a-deny", ingress: ["Deny"]) + policy("b-allow", order: "100", ingress: ["Allow"]))
        XCTAssertEqual(noOrder.allowed("default/a", "default/b"), .allProtocols, "the ordered policy wins over the unordered one")
        let tie = CalicoFixture(pods + policy("b-allow", order: "5", ingress: ["Allow"]) + policy("a-deny", order: "5", ingress: ["Deny"]))
        XCTAssertEqual(tie.allowed("default/a", "default/b"), .none, "equal orders: a-deny sorts before b-allow")
    }

    func testLogGoesOnToTheNextRule() {
        let f = CalicoFixture(pods + policy("p", ingress: ["Log", "Allow"]))
        XCTAssertEqual(f.allowed("default/a", "default/b"), .allProtocols)
    }

    func testEndOfTierDropOnlyForSelectedEndpoints() {
        let f = CalicoFixture(pods + policy("empty", ingress: [], types: "[Ingress]"))
        XCTAssertEqual(f.allowed("default/a", "default/b"), .none, "b is selected and no rule matched: end-of-tier drop")
        XCTAssertEqual(f.allowed("default/b", "default/a"), .allProtocols, "a is not selected: its profile allows")
    }

    func testPassSkipsToTheNextTier() {
        let tier = "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: security\nspec:\n  order: 100\n---\n"
        let passThenDeny = CalicoFixture(pods + tier + policy("security.pass", order: "1", tier: "security", ingress: ["Pass"])
            + policy("security.deny", order: "999", tier: "security", ingress: ["Deny"])
            + policy("deny", ingress: ["Deny"]))
        XCTAssertEqual(passThenDeny.allowed("default/a", "default/b"), .none, "after Pass, the default tier's Deny decides")
        let passThenAllow = CalicoFixture(pods + tier + policy("security.pass", order: "1", tier: "security", ingress: ["Pass"])
            + policy("security.deny", order: "999", tier: "security", ingress: ["Deny"])
            + policy("allow", ingress: ["Allow"]))
        XCTAssertEqual(passThenAllow.allowed("default/a", "default/b"), .allProtocols, "the Deny later in the passed tier is skipped")
    }

    func testPassFromTheLastTierReachesTheProfiles() {
        let f = CalicoFixture(pods + policy("p", ingress: ["Pass"]))
        XCTAssertEqual(f.allowed("default/a", "default/b"), .allProtocols, "kns.default allows")
    }

    func testTierWithDefaultActionPass() {
        let tier = "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: soft\nspec:\n  order: 10\n  defaultAction: Pass\n---\n"
        let f = CalicoFixture(pods + tier + policy("soft.none", tier: "soft", ingress: [], types: "[Ingress]"))
        XCTAssertEqual(f.allowed("default/a", "default/b"), .allProtocols, "the tier passes, the profile allows")
    }

    func testTiersRunInTheirOrder() {
        let tiers = "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: late\nspec:\n  order: 200\n---\n"
            + "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: early\nspec:\n  order: 100\n---\n"
        let f = CalicoFixture(pods + tiers + policy("late.allow", tier: "late", ingress: ["Allow"])
            + policy("early.deny", tier: "early", ingress: ["Deny"]))
        XCTAssertEqual(f.allowed("default/a", "default/b"), .none)
        XCTAssertEqual(f.topology.model.tiers.map(\.name).filter { ["early", "late"].contains($0) }, ["early", "late"])
    }

    func testTypesDefaulting() {
        let egressOnly = """
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: e
          namespace: default
        spec:
          selector: app == 'b'
          egress:
            - action: Deny

        """
        let f = CalicoFixture(pods + "---\n" + egressOnly)
        XCTAssertEqual(f.allowed("default/a", "default/b"), .allProtocols, "egress rules only: types is [Egress], ingress untouched")
        XCTAssertEqual(f.allowed("default/b", "default/a"), .none)
    }

    func testKubernetesNetworkPolicyJoinsTheDefaultTierAtOrder1000() {
        let knp = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: k8s-allow
          namespace: default
        spec:
          podSelector: {matchLabels: {app: b}}
          ingress: [{}]
        ---

        """
        let before = CalicoFixture(pods + knp + policy("calico-deny", order: "999", ingress: ["Deny"]))
        XCTAssertEqual(before.allowed("default/a", "default/b"), .none, "order 999 runs before the Kubernetes policy")
        let after = CalicoFixture(pods + knp + policy("calico-deny", order: "1001", ingress: ["Deny"]))
        XCTAssertEqual(after.allowed("default/a", "default/b"), .allProtocols,
                       "the Kubernetes rule without ports allows every protocol once Calico evaluates it")
        XCTAssertNil(after.topology.model.tiers.first { $0.kind == .networkPolicy && !$0.policies.isEmpty })
    }
}
