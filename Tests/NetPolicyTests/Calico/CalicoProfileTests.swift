import XCTest
@testable import NetPolicy

/// Profiles (implicit `kns.<namespace>`, explicit rules, labelsToApply) and host endpoints.
final class CalicoProfileTests: XCTestCase {
    private let pods = CalicoYAML.pod("a", namespace: "one", labels: ["app": "a"])
        + CalicoYAML.pod("b", namespace: "two", labels: ["app": "b"])

    func testImplicitNamespaceProfileAllowsEverything() {
        let f = CalicoFixture(pods + "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata:\n  name: unused\nspec:\n  nets: []\n")
        XCTAssertEqual(f.allowed("one/a", "two/b"), .allProtocols)
        XCTAssertEqual(f.allowed("8.8.8.8", "two/b"), .allProtocols)
    }

    func testRulesOfKubernetesProfilesAreNotUsed() {
        let f = CalicoFixture(pods + """
        apiVersion: projectcalico.org/v3
        kind: Profile
        metadata:
          name: kns.two
        spec:
          egress:
            - action: Allow

        """)
        XCTAssertEqual(f.allowed("one/a", "two/b"), .allProtocols, "Calico generates kns.two: it allows everything")
        XCTAssertTrue(f.topology.warnings.contains { $0.contains("Profile kns.two: rules are not used") }, "\(f.topology.warnings)")
    }

    func testProfileRulesRunAfterTiersPass() {
        let f = CalicoFixture(pods + """
        apiVersion: projectcalico.org/v3
        kind: HostEndpoint
        metadata:
          name: gateway
        spec:
          node: node1
          profiles: [tcp-in]
        ---
        apiVersion: projectcalico.org/v3
        kind: Profile
        metadata:
          name: tcp-in
        spec:
          ingress:
            - action: Allow
              protocol: TCP
        ---
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: pass-all
        spec:
          ingress:
            - action: Pass

        """)
        XCTAssertEqual(f.allowed("one/a", "gateway"), .tcpAll)
    }

    func testLabelsToApplyAreSeenBySelectors() {
        let f = CalicoFixture(pods + """
        apiVersion: projectcalico.org/v3
        kind: Profile
        metadata:
          name: kns.one
        spec:
          labelsToApply:
            zone: trusted
          ingress: [{action: Allow}]
          egress: [{action: Allow}]
        ---
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: only-trusted
        spec:
          selector: app == 'b'
          ingress:
            - action: Allow
              source:
                selector: zone == 'trusted'

        """)
        XCTAssertEqual(f.allowed("one/a", "two/b"), .allProtocols)
        XCTAssertEqual(f.allowed("8.8.8.8", "two/b"), .none)
    }

    private let host = """
    apiVersion: projectcalico.org/v3
    kind: HostEndpoint
    metadata:
      name: node1-eth0
      labels:
        role: worker
    spec:
      node: node1
      interfaceName: eth0
      expectedIPs: [192.168.1.10]

    """

    func testHostEndpointWithoutPolicyOrProfileDrops() {
        let f = CalicoFixture(pods + host)
        XCTAssertEqual(f.endpoint("node1-eth0").kind, .host)
        XCTAssertEqual(f.allowed("one/a", "node1-eth0"), .none)
        XCTAssertEqual(f.allowed("node1-eth0", "one/a"), .none)
    }

    func testGlobalPolicySelectsHostEndpointsByLabel() {
        let f = CalicoFixture(pods + host + """
        ---
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: workers
        spec:
          selector: role == 'worker'
          types: [Ingress, Egress]
          ingress:
            - action: Allow
              protocol: TCP
              destination:
                ports: [22]
          egress:
            - action: Allow

        """)
        XCTAssertEqual(f.allowed("one/a", "node1-eth0"), .tcp(22))
        XCTAssertEqual(f.allowed("node1-eth0", "one/a"), .allProtocols)
    }

    func testNamespacedPolicyNeverSelectsHostEndpoints() {
        let f = CalicoFixture(pods + host + """
        ---
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: try
          namespace: one
        spec:
          selector: all()
          ingress: [{action: Allow}]

        """)
        XCTAssertEqual(f.allowed("one/a", "node1-eth0"), .none)
    }

    func testHostEndpointProfiles() {
        let f = CalicoFixture(pods + """
        apiVersion: projectcalico.org/v3
        kind: HostEndpoint
        metadata:
          name: node2-eth0
        spec:
          node: node2
          profiles: [open-host]
        ---
        apiVersion: projectcalico.org/v3
        kind: Profile
        metadata:
          name: open-host
        spec:
          ingress: [{action: Allow}]

        """)
        XCTAssertEqual(f.allowed("one/a", "node2-eth0"), .allProtocols)
        XCTAssertEqual(f.allowed("node2-eth0", "one/a"), .none, "open-host has no egress rule")
    }
}
