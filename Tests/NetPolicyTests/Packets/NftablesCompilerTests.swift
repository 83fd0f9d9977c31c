import XCTest
@testable import NetPolicy

/// The compiled text, checked against rulesets written by hand (no root needed).
final class NftablesCompilerTests: XCTestCase {
    /// Covers its connections toward pods whose `app` label is `app` (nil: every peer, external too).
    struct PeerCondition: RuleCondition {
        var direction: Direction
        var app: String?
        var covered: ConnectionSet

        func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
            let other = direction == .ingress ? source : destination
            guard let app else { return covered }
            return other.labels["app"] == app ? covered : .none
        }
    }

    struct AppSelector: EndpointSelector {
        var app: String
        func selects(_ endpoint: Endpoint, in topology: Topology) -> Bool { endpoint.labels["app"] == app }
    }

    private func pod(_ name: String, _ last: UInt32) -> Endpoint {
        let address = 10 << 24 | last
        return Endpoint(namespace: "ns", name: name, labels: ["app": name], addresses: IntervalSet(address, address))
    }

    private func rule(_ action: RuleAction, _ direction: Direction, _ app: String?, _ covered: ConnectionSet, _ index: Int) -> PolicyRule {
        PolicyRule(action: action, condition: PeerCondition(direction: direction, app: app, covered: covered), index: index)
    }

    func testTiersBecomeChainsWithRulesInOrderAndDefaults() {
        let tcp80to81 = ConnectionSet(.tcp, ports: IntervalSet(80, 81))
        let dns = ConnectionSet(.udp, ports: IntervalSet(53, 53))
        let admin = PolicyTier(name: "admin", kind: .admin, defaultAction: .pass, policies: [
            CompiledPolicy(ref: PolicyRef(kind: "TestPolicy", name: "p"), selector: AppSelector(app: "a"),
                           ingress: [rule(.deny, .ingress, "c", ConnectionSet(.tcp), 0), rule(.pass, .ingress, "b", dns, 1)],
                           egress: nil),
        ])
        let kube = PolicyTier(name: "networkpolicy", kind: .networkPolicy, defaultAction: .deny, policies: [
            CompiledPolicy(ref: PolicyRef(kind: "TestPolicy", namespace: "ns", name: "q"), selector: AppSelector(app: "a"),
                           ingress: [rule(.allow, .ingress, "b", tcp80to81.union(dns), 0)], egress: nil),
            CompiledPolicy(ref: PolicyRef(kind: "TestPolicy", name: "other"), selector: AppSelector(app: "b"),
                           ingress: [], egress: []),
        ])
        let topology = Topology(namespaces: [:], endpoints: [pod("a", 1), pod("b", 2), pod("c", 3)],
                                model: PolicyModel(tiers: [admin, kube]))
        let a = topology.endpoints[0]
        XCTAssertEqual(NftablesCompiler(topology: topology).ruleset(for: a).text, """
            # Palisade: effective network policy of ns/a[Pod] at 10.0.0.1
            table inet palisade
            delete table inet palisade
            table inet palisade {
            \tchain ingress {
            \t\ttype filter hook input priority filter; policy accept;
            \t\tct state established,related accept
            \t\tiifname "lo" accept
            \t\tjump ingress_tier0
            \t\tjump ingress_tier1
            \t}

            \tchain egress {
            \t\ttype filter hook output priority filter; policy accept;
            \t\tct state established,related accept
            \t\toifname "lo" accept
            \t}

            \tchain ingress_tier0 {
            \t\t# tier admin (admin), default Pass
            \t\t# TestPolicy 'p'
            \t\tip saddr 10.0.0.3 meta l4proto tcp drop comment "TestPolicy p ingress[0]"
            \t\tip saddr 10.0.0.2 meta l4proto udp th dport 53 return comment "TestPolicy p ingress[1]"
            \t}

            \tchain ingress_tier1 {
            \t\t# tier networkpolicy (networkPolicy), default Deny
            \t\t# TestPolicy 'ns/q'
            \t\tip saddr 10.0.0.2 meta l4proto tcp th dport 80-81 accept comment "TestPolicy ns/q ingress[0]"
            \t\tip saddr 10.0.0.2 meta l4proto udp th dport 53 accept comment "TestPolicy ns/q ingress[0]"
            \t\tdrop comment "tier networkpolicy default"
            \t}
            }

            """)
    }

    func testPeersWithTheSameConnectionsShareOneRuleAndEveryAddressNeedsNoAddressMatch() {
        let https = ConnectionSet(.tcp, ports: IntervalSet(443, 443))
        let tier = PolicyTier(name: "t", kind: .calico, defaultAction: .deny, policies: [
            CompiledPolicy(ref: PolicyRef(kind: "TestPolicy", name: "p"), selector: AppSelector(app: "a"), ingress: nil,
                           egress: [rule(.allow, .egress, nil, https, 0), rule(.log, .egress, "b", .allKubernetes, 1),
                                    rule(.deny, .egress, "c", ConnectionSet(.udp), 2),
                                    rule(.deny, .egress, "d", ConnectionSet(.udp), 3)]),
        ])
        let topology = Topology(namespaces: [:], endpoints: [pod("a", 1), pod("b", 2), pod("c", 3), pod("d", 9)],
                                model: PolicyModel(tiers: [tier]))
        let text = NftablesCompiler(topology: topology, refusal: .reject).ruleset(for: topology.endpoints[0]).text
        let chain = text.components(separatedBy: "chain egress_tier0 {\n")[1].components(separatedBy: "\t}")[0]
        XCTAssertEqual(chain, """
            \t\t# tier t (calico), default Deny
            \t\t# TestPolicy 'p'
            \t\tmeta nfproto ipv4 meta l4proto tcp th dport 443 accept comment "TestPolicy p egress[0]"
            \t\tip daddr 10.0.0.2 meta l4proto { tcp, udp, sctp } log prefix "TestPolicy p egress[1]: " comment "TestPolicy p egress[1]"
            \t\tip daddr 10.0.0.3 meta l4proto udp reject with icmpx admin-prohibited comment "TestPolicy p egress[2]"
            \t\tip daddr 10.0.0.9 meta l4proto udp reject with icmpx admin-prohibited comment "TestPolicy p egress[3]"
            \t\treject with icmpx admin-prohibited comment "tier t default"

            """)
    }

    func testGroupsJoinPeersCoveredAlike() {
        let tier = PolicyTier(name: "t", kind: .networkPolicy, defaultAction: .deny, policies: [
            CompiledPolicy(ref: PolicyRef(kind: "TestPolicy", name: "p"), selector: AppSelector(app: "a"),
                           ingress: [PolicyRule(action: .allow, condition: PodsOnly(), index: 0)], egress: nil),
        ])
        let topology = Topology(namespaces: [:], endpoints: [pod("a", 1), pod("b", 2), pod("c", 3), pod("d", 5)],
                                model: PolicyModel(tiers: [tier]))
        let text = NftablesCompiler(topology: topology).ruleset(for: topology.endpoints[0]).text
        XCTAssertTrue(text.contains("\t\tip saddr { 10.0.0.1-10.0.0.3, 10.0.0.5 } meta l4proto { tcp, udp, sctp } accept"), text)
    }

    /// Every cluster pod, nothing outside.
    struct PodsOnly: RuleCondition {
        func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
            source.kind == .pod ? .allKubernetes : .none
        }
    }

    func testProtocolMatches() {
        XCTAssertEqual(NftablesSyntax.matches(.allProtocols), [""])
        XCTAssertEqual(NftablesSyntax.matches(ConnectionSet(.icmp, ports: IntervalSet(0x0800, 0x08ff))),
                       ["meta l4proto icmp @th,0,16 2048-2303"])
        let mixed = ConnectionSet(.udp).union(ConnectionSet(.tcp, ports: IntervalSet(intervals: [.init(22, 22), .init(8000, 8100)])))
        XCTAssertEqual(NftablesSyntax.matches(mixed), ["meta l4proto udp", "meta l4proto tcp th dport { 22, 8000-8100 }"])
        XCTAssertEqual(NftablesSyntax.quoted("a \"b\" \\c\nd"), "\"a b c?d\"")
    }
}
