import XCTest
@testable import NetPolicy

/// Connectivity stays inside each network, under that network's policies.
final class MultiNetworkAnalysisTests: XCTestCase {
    private let blueUDN = ClusterNetwork(kind: .primaryUDN, name: "blue")
    private let nad = ClusterNetwork(kind: .secondaryNAD, name: "l2")

    func testWorkloadsOnDifferentPrimaryNetworksAreIsolated() {
        let fixture = NetworkFixture([
            NetworkYAML.namespace("blue", primaryUDN: true), NetworkYAML.udn("net", namespace: "blue"),
            NetworkYAML.pod("a", namespace: "blue"), NetworkYAML.pod("b", namespace: "blue"),
            NetworkYAML.pod("c", namespace: "default"),
        ].joined(separator: "\n"))
        XCTAssertEqual(fixture.analysis.networks(of: fixture.topology), [.podNetwork, blueUDN])
        let all = "0.0.0.0-255.255.255.255[External]"
        XCTAssertEqual(fixture.lines(.podNetwork), [
            "\(all) => default/c[Pod] : All Connections", "default/c[Pod] => \(all) : All Connections",
        ])
        XCTAssertEqual(fixture.lines(blueUDN), [
            "\(all) => blue[udn]/a[Pod] : All Connections", "\(all) => blue[udn]/b[Pod] : All Connections",
            "blue[udn]/a[Pod] => \(all) : All Connections", "blue[udn]/a[Pod] => blue[udn]/b[Pod] : All Connections",
            "blue[udn]/b[Pod] => \(all) : All Connections", "blue[udn]/b[Pod] => blue[udn]/a[Pod] : All Connections",
        ])
    }

    func testMultiNetworkPolicyGovernsOnlyItsSecondaryNetwork() {
        let mnp = """
        ---
        apiVersion: k8s.cni.cncf.io/v1beta1
        kind: MultiNetworkPolicy
        metadata:
          name: only-tcp-80-into-a
          namespace: ns1
          annotations:
            k8s.v1.cni.cncf.io/policy-for: ns1/l2
        spec:
          podSelector:
            matchLabels:
              app: a
          policyTypes: [Ingress]
          ingress:
          - ports:
            - port: 80
              protocol: TCP
        """
        let fixture = NetworkFixture([
            NetworkYAML.pod("a", namespace: "ns1", labels: ["app": "a"], networks: "l2"),
            NetworkYAML.pod("b", namespace: "ns2", labels: ["app": "b"], networks: "l2"),
            NetworkYAML.pod("c", namespace: "ns2", labels: ["app": "c"]),
            NetworkYAML.denyAll(namespace: "ns1"), NetworkYAML.denyAll(namespace: "ns2"), mnp,
        ].joined(separator: "\n"))
        XCTAssertEqual(fixture.lines(.podNetwork), [])
        XCTAssertEqual(fixture.lines(nad), ["ns2/b[Pod] => ns1/a[Pod] : TCP 80", "ns1/a[Pod] => ns2/b[Pod] : All Connections"].sorted())
    }

    func testTextListsEachNetworkThenTheMapping() {
        let fixture = NetworkFixture([
            NetworkYAML.namespace("blue", primaryUDN: true), NetworkYAML.udn("net", namespace: "blue"),
            NetworkYAML.pod("a", namespace: "blue", networks: "l2"), NetworkYAML.pod("c", namespace: "default", networks: "l2"),
            NetworkYAML.denyAll(namespace: "default"),
        ].joined(separator: "\n"))
        let all = "0.0.0.0-255.255.255.255[External]"
        XCTAssertEqual(fixture.render(.txt), """
        Permitted connectivity analyzed in Pod network:
        All connections are not allowed for the workloads in the pod-network

        Permitted connectivity analyzed in primary UDN blue:
        \(all) => blue[udn]/a[Pod] : All Connections
        blue[udn]/a[Pod] => \(all) : All Connections

        Permitted connectivity analyzed in secondary NAD l2:
        blue/a[Pod] => default/c[Pod] : All Connections
        default/c[Pod] => blue/a[Pod] : All Connections

        Workload-to-Networks Mapping:
        blue/a[Pod]: 
        \tPrimary Network: blue[UDN]
        \tSecondary Networks: l2[NAD]
        default/c[Pod]: 
        \tPrimary Network: pod-network
        \tSecondary Networks: l2[NAD]
        """)
    }

    func testFocusConnectionDropsConnectionSetsAndEmptyNetworks() {
        let fixture = NetworkFixture([
            NetworkYAML.namespace("blue", primaryUDN: true), NetworkYAML.udn("net", namespace: "blue"),
            NetworkYAML.pod("a", namespace: "blue"),
        ].joined(separator: "\n"))
        let all = "0.0.0.0-255.255.255.255[External]"
        XCTAssertEqual(fixture.render(.txt, focusConnection: (.udp, 53)), """
        Permitted connections on UDP 53:

        Permitted connectivity analyzed in primary UDN blue:
        \(all) => blue[udn]/a[Pod]
        blue[udn]/a[Pod] => \(all)
        """)
        XCTAssertEqual(fixture.render(.csv, focusConnection: (.udp, 53)), """
        src,dst,network
        \(all),blue[udn]/a[Pod],blue
        blue[udn]/a[Pod],\(all),blue

        """)
    }

    func testCSVQuotesFieldsWithCommas() {
        XCTAssertEqual(MultiNetworkTable.csvField("TCP 80,443"), "\"TCP 80,443\"")
        XCTAssertEqual(MultiNetworkTable.csvField("say \"hi\", ok"), "\"say \"\"hi\"\", ok\"")
        XCTAssertEqual(MultiNetworkTable.csvField("All Connections"), "All Connections")
    }
}
