import XCTest
@testable import NetPolicy

/// Tier semantics of the engine, on hand-built rules.
final class ConnectivityEngineTests: XCTestCase {
    struct Always: RuleCondition {
        var set: ConnectionSet
        func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet { set }
    }

    struct Everyone: EndpointSelector {
        func selects(_ endpoint: Endpoint, in topology: Topology) -> Bool { true }
    }

    let web = Endpoint(namespace: "ns", name: "web", workloadKind: "Deployment")
    let db = Endpoint(namespace: "ns", name: "db", workloadKind: "Deployment")
    let tcp80 = ConnectionSet(.tcp, ports: IntervalSet(80, 80))

    func policy(_ name: String, ingress: [(RuleAction, ConnectionSet)]) -> CompiledPolicy {
        CompiledPolicy(ref: PolicyRef(kind: "Test", name: name), selector: Everyone(),
                       ingress: ingress.enumerated().map { PolicyRule(action: $1.0, condition: Always(set: $1.1), index: $0) },
                       egress: nil)
    }

    func engine(_ tiers: [PolicyTier]) -> ConnectivityEngine {
        ConnectivityEngine(topology: Topology(namespaces: [:], endpoints: [web, db], model: PolicyModel(tiers: tiers)))
    }

    func testNoPolicyAllowsEverything() {
        XCTAssertEqual(engine([]).allowed(from: web, to: db), .allKubernetes)
    }

    func testFirstMatchingRuleWinsAndTierDefaultDenies() {
        let tier = PolicyTier(name: "t", kind: .calico, defaultAction: .deny,
                              policies: [policy("p", ingress: [(.deny, tcp80), (.allow, ConnectionSet(.tcp))])])
        let allowed = engine([tier]).allowed(from: web, to: db)
        XCTAssertEqual(allowed, ConnectionSet(.tcp).subtracting(tcp80))
    }

    func testPassSkipsRestOfTierAndNextTierDecides() {
        let admin = PolicyTier(name: "admin", kind: .admin, defaultAction: .pass,
                               policies: [policy("a", ingress: [(.pass, tcp80), (.deny, ConnectionSet(.tcp))])])
        let np = PolicyTier(name: "np", kind: .networkPolicy, defaultAction: .deny,
                            policies: [policy("n", ingress: [(.allow, tcp80)])])
        let allowed = engine([admin, np]).allowed(from: web, to: db)
        XCTAssertEqual(allowed, tcp80, "TCP 80 passes to the NetworkPolicy tier, other TCP is denied, UDP/SCTP are denied by the NP tier default")
    }

    func testPassTierDefaultFallsThroughToSystemDefault() {
        let admin = PolicyTier(name: "admin", kind: .admin, defaultAction: .pass,
                               policies: [policy("a", ingress: [(.deny, tcp80)])])
        XCTAssertEqual(engine([admin]).allowed(from: web, to: db), ConnectionSet.allKubernetes.subtracting(tcp80))
    }

    func testLogDoesNotDecide() {
        let tier = PolicyTier(name: "t", kind: .calico, defaultAction: .deny,
                              policies: [policy("p", ingress: [(.log, tcp80), (.allow, tcp80)])])
        XCTAssertEqual(engine([tier]).allowed(from: web, to: db), tcp80)
    }

    func testVerdictStepsExplainTheDecision() {
        let tier = PolicyTier(name: "t", kind: .calico, defaultAction: .deny,
                              policies: [policy("p", ingress: [(.allow, tcp80)])])
        let verdict = engine([tier]).verdict(.ingress, from: web, to: db)
        XCTAssertEqual(verdict.steps.map(\.action), [.allow, .deny])
        XCTAssertEqual(verdict.steps.last?.connections, ConnectionSet.allKubernetes.subtracting(tcp80))
    }
}
