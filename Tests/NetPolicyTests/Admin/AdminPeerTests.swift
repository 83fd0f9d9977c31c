import XCTest
@testable import NetPolicy

/// Peers and ports of ANP/BANP (v1alpha1) and ClusterNetworkPolicy (v1alpha2) rules.
final class AdminPeerTests: XCTestCase {
    private func build(_ documents: [String]) -> AdminFixture {
        AdminFixture(([AdminFixture.cluster] + documents).joined(separator: "\n---\n"))
    }

    func testPodsPeerNeedsNamespaceAndPodSelectorsToMatch() {
        let body = """
          egress:
            - name: deny-server
              action: Deny
              to:
                - pods:
                    namespaceSelector: {matchLabels: {team: blue}}
                    podSelector: {matchLabels: {app: server}}
        """
        let f = build([AdminFixture.anp("p", priority: 1, subjectNamespace: "a", body: body)])
        XCTAssertEqual(f.allowed("a/client", "b/server"), .none)
        XCTAssertEqual(f.allowed("a/client", "b/other"), .allKubernetes)
    }

    func testNetworksCutTheExternalSpaceAndMatchPodAddresses() {
        let body = """
          egress:
            - name: deny-net
              action: Deny
              to:
                - networks: [10.1.0.0/16, "2001:db8::/64"]
        """
        let withIP = AdminFixture.pod("db", "b", labels: "app: db", ip: "10.1.2.3")
        let f = build([withIP, AdminFixture.anp("p", priority: 1, subjectNamespace: "a", body: body)])
        XCTAssertEqual(f.rejections, [])
        XCTAssertEqual(f.allowed("a/client", toAddress: "10.1.9.9"), .none)
        XCTAssertEqual(f.allowed("a/client", toAddress: "10.2.0.1"), .allKubernetes)
        XCTAssertTrue(f.topology.externals.contains { $0.name == "10.1.0.0-10.1.255.255" })
        XCTAssertEqual(f.allowed("a/client", "b/db"), .none, "a pod address inside the block")
        XCTAssertEqual(f.allowed("a/client", "b/server"), .allKubernetes, "no known address")
        XCTAssertTrue(f.topology.warnings.contains { $0.contains("IPv6 addresses are not supported") })
    }

    func testNamedPortResolvesOnTheDestination() {
        let body = """
          ingress:
            - name: allow-web
              action: Allow
              from: [{namespaces: {}}]
              ports: [{namedPort: web}]
            - name: deny-rest
              action: Deny
              from: [{namespaces: {}}]
        """
        let f = build([AdminFixture.anp("p", priority: 1, subjectNamespace: "b", body: body)])
        XCTAssertEqual(f.allowed("a/client", "b/server"), .tcp(8080))
        XCTAssertEqual(f.allowed("a/client", "b/other"), .none, "no port named web")
    }

    func testPortRangeCoversItsBounds() {
        let body = """
          ingress:
            - name: deny-range
              action: Deny
              from: [{namespaces: {}}]
              ports: [{portRange: {protocol: UDP, start: 50, end: 60}}]
        """
        let f = build([AdminFixture.anp("p", priority: 1, subjectNamespace: "b", body: body)])
        XCTAssertEqual(f.allowed("a/client", "b/server"), ConnectionSet.allKubernetes.subtracting(ConnectionSet(.udp, ports: IntervalSet(50, 60))))
    }

    func testNodesPeerMatchesHostNetworkPodsOnMatchingNodes() {
        let node = """
        apiVersion: v1
        kind: Node
        metadata: {name: n1, labels: {kubernetes.io/os: linux}}
        """
        let agent = AdminFixture.pod("agent", "b", labels: "app: agent", hostNetwork: true, node: "n1")
        let body = """
          egress:
            - name: deny-nodes
              action: Deny
              to:
                - nodes: {matchLabels: {kubernetes.io/os: linux}}
        """
        let f = build([node, agent, AdminFixture.anp("p", priority: 1, subjectNamespace: "a", body: body)])
        XCTAssertEqual(f.allowed("a/client", "b/agent"), .none)
        XCTAssertEqual(f.allowed("a/client", "b/server"), .allKubernetes)

        let noNodes = build([agent, AdminFixture.anp("p", priority: 1, subjectNamespace: "a", body: body)])
        XCTAssertEqual(noNodes.allowed("a/client", "b/agent"), .allKubernetes)
        XCTAssertTrue(noNodes.topology.warnings.contains { $0.contains("Nodes field of an AdminNetworkPolicyEgressPeer is not supported") })
    }

    func testClusterNetworkPolicyTiersAndProtocols() {
        let cnp = """
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: base}
        spec:
          tier: Baseline
          priority: 3
          subject:
            pods:
              namespaceSelector: {matchLabels: {team: blue}}
              podSelector: {matchLabels: {app: server}}
          ingress:
            - name: accept-dns
              action: Accept
              from: [{namespaces: {}}]
              protocols: [{udp: {destinationPort: {number: 53}}}, {destinationNamedPort: web}]
            - name: deny-rest
              action: Deny
              from: [{namespaces: {}}]
        """
        let f = build([cnp])
        XCTAssertEqual(f.rejections, [])
        XCTAssertEqual(f.topology.model.tiers.last?.policies.map(\.ref.name), ["base"])
        XCTAssertEqual(f.allowed("a/client", "b/server"), ConnectionSet(.udp, ports: IntervalSet(53, 53)).union(.tcp(8080)))
        XCTAssertEqual(f.allowed("a/client", "b/other"), .allKubernetes)
    }

    func testSameLabelsComparesWithTheSubjectNamespace() {
        let extra = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: c, labels: {team: red}}
        ---
        \(AdminFixture.pod("peer", "c", labels: "app: peer"))
        """
        let body = """
          ingress:
            - name: deny-other-teams
              action: Deny
              from:
                - namespaces: {notSameLabels: [team]}
        """
        let f = build([extra, AdminFixture.anp("p", priority: 1, subjectNamespace: "a", body: body)])
        XCTAssertEqual(f.allowed("c/peer", "a/client"), .allKubernetes, "same team label as the subject's namespace")
        XCTAssertEqual(f.allowed("b/server", "a/client"), .none, "another team")
    }
}
