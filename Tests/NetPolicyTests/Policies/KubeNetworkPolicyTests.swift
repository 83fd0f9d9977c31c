import Kube
import PalisadeCore
import XCTest
@testable import NetPolicy

/// NetworkPolicy semantics from the Kubernetes documentation, one corner each.
final class KubeNetworkPolicyTests: XCTestCase {
    let namespaces = """
    apiVersion: v1
    kind: Namespace
    metadata: {name: shop, labels: {team: web}}
    ---
    apiVersion: v1
    kind: Namespace
    metadata: {name: ops, labels: {team: infra}}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: web, namespace: shop, labels: {app: web}}
    spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}]}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: db, namespace: shop, labels: {app: db}}
    spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: 9090}]}]}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: agent, namespace: ops, labels: {app: agent}}
    spec: {containers: [{name: c, image: i}]}
    """

    func topology(_ policies: String) -> Topology {
        let set = ManifestLoader().load(text: namespaces + "\n---\n" + policies, file: "test.yaml")
        XCTAssertEqual(set.errors.map(\.description), [])
        return TopologyBuilder().build(set.objects)
    }

    func allowed(_ topology: Topology, _ from: String, _ to: String) -> ConnectionSet {
        let peers = topology.peers
        guard let s = peers.first(where: { $0.displayName == from || $0.name == from }),
              let d = peers.first(where: { $0.displayName == to || $0.name == to }) else {
            XCTFail("no peer \(from) or \(to)")
            return .none
        }
        return ConnectivityEngine(topology: topology).allowed(from: s, to: d)
    }

    func testPolicyTypesDefaultToIngressUnlessEgressRulesExist() {
        let ingressOnly = topology("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: shop}
        spec: {podSelector: {matchLabels: {app: db}}, egress: []}
        """)
        XCTAssertEqual(allowed(ingressOnly, "web", "db"), .none, "ingress isolated with no rules")
        XCTAssertEqual(allowed(ingressOnly, "db", "web"), .allKubernetes, "an empty egress list without policyTypes leaves egress alone")

        let egressToo = topology("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: shop}
        spec: {podSelector: {matchLabels: {app: db}}, egress: [{ports: [{port: 53, protocol: UDP}]}]}
        """)
        XCTAssertEqual(allowed(egressToo, "db", "web"), ConnectionSet(.udp, ports: IntervalSet(53, 53)))
    }

    func testPodSelectorWithoutNamespaceSelectorStaysInThePolicysNamespace() {
        let t = topology("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{podSelector: {}}]}]
        """)
        XCTAssertEqual(allowed(t, "web", "db"), .allKubernetes)
        XCTAssertEqual(allowed(t, "agent", "db"), .none)
    }

    func testNamespaceAndPodSelectorInOnePeerAreAnded() {
        let t = topology("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{namespaceSelector: {matchLabels: {team: infra}}, podSelector: {matchLabels: {app: web}}}]}]
        """)
        XCTAssertEqual(allowed(t, "agent", "db"), .none, "right namespace, wrong pod labels")
        XCTAssertEqual(allowed(t, "web", "db"), .none, "right labels, wrong namespace")
    }

    func testIPBlockExceptAndPortRangeAndNamedPort() {
        let t = topology("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
            ports: [{port: 8000, endPort: 8100}, {port: dns, protocol: UDP}]
        """)
        XCTAssertEqual(allowed(t, "10.0.0.0-10.0.255.255[External]", "web"),
                       ConnectionSet(.tcp, ports: IntervalSet(8000, 8100)).union(ConnectionSet(.udp, ports: IntervalSet(53, 53))))
        XCTAssertEqual(allowed(t, "10.1.0.0-10.1.255.255[External]", "web"), .none, "inside except")
        XCTAssertEqual(allowed(t, "db", "web"), .none, "ipBlock does not match pods by default")
    }

    func testNamedPortResolvesOnTheDestinationPod() {
        let t = topology("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress: [{ports: [{port: http}]}]
        """)
        XCTAssertEqual(allowed(t, "web", "db"), ConnectionSet(.tcp, ports: IntervalSet(9090, 9090)))
        XCTAssertEqual(allowed(t, "db", "web"), ConnectionSet(.tcp, ports: IntervalSet(8080, 8080)))
    }

    func testPoliciesAreAdditive() {
        let t = topology("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: a, namespace: shop}
        spec: {podSelector: {}, ingress: [{ports: [{port: 80}]}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: b, namespace: shop}
        spec: {podSelector: {matchLabels: {app: db}}, ingress: [{ports: [{port: 443}]}]}
        """)
        XCTAssertEqual(allowed(t, "web", "db"), ConnectionSet(.tcp, ports: IntervalSet(intervals: [.init(80, 80), .init(443, 443)])))
    }

    func testInvalidPoliciesAreLeftOutWithFileLineAndReason() {
        let t = topology("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: bad-cidr, namespace: shop}
        spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 300.0.0.0/8}}]}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: bad-range, namespace: shop}
        spec: {podSelector: {}, ingress: [{ports: [{port: 10, endPort: 1}]}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: bad-selector, namespace: shop}
        spec: {podSelector: {matchExpressions: [{key: app, operator: Has}]}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: bad-peer, namespace: shop}
        spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]}
        """)
        let reasons = t.model.rejected.map(\.reason)
        XCTAssertEqual(t.model.rejected.map(\.ref.name).sorted(), ["bad-cidr", "bad-peer", "bad-range", "bad-selector"])
        XCTAssertTrue(reasons.allSatisfy { $0.hasPrefix("test.yaml:") }, "\(reasons)")
        XCTAssertTrue(reasons.contains { $0.contains("invalid CIDR address: 300.0.0.0/8") })
        XCTAssertTrue(reasons.contains { $0.contains("10-1") || $0.contains("endPort") })
        XCTAssertTrue(reasons.contains { $0.contains("\"Has\" is not a valid label selector operator") })
        XCTAssertTrue(reasons.contains { $0.contains("cannot have both IPBlock and PodSelector") })
        XCTAssertEqual(allowed(t, "web", "db"), .allKubernetes, "rejected policies isolate nothing")
    }
}

/// A misspelt field must not silently change a policy's meaning.
final class KubeNetworkPolicyUnknownFieldTests: XCTestCase {
    func testUnknownFieldsRejectThePolicyWithFileLineAndField() {
        let text = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: default}
        spec: {containers: [{name: c, image: i}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: typo, namespace: default}
        spec:
          podSelector: {}
          ingress: [{fromm: [{podSelector: {}}]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: port-typo, namespace: default}
        spec: {podSelector: {}, ingress: [{ports: [{port: 80, protcol: UDP}]}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: selector-typo, namespace: default}
        spec: {podSelector: {matchLabel: {app: a}}}
        """
        let topology = TopologyBuilder().build(ManifestLoader().load(text: text, file: "typo.yaml").objects)
        let reasons = Dictionary(uniqueKeysWithValues: topology.model.rejected.map { ($0.ref.name, $0.reason) })
        XCTAssertEqual(reasons.keys.sorted(), ["port-typo", "selector-typo", "typo"])
        XCTAssertTrue(reasons["typo"]?.hasPrefix("typo.yaml:6:") == true, reasons["typo"] ?? "")
        XCTAssertTrue(reasons["typo"]?.contains("unknown field \"fromm\" in spec.ingress[0]") == true, reasons["typo"] ?? "")
        XCTAssertTrue(reasons["port-typo"]?.contains("unknown field \"protcol\" in spec.ingress[0].ports[0]") == true)
        XCTAssertTrue(reasons["selector-typo"]?.contains("unknown field \"matchLabel\" in spec.podSelector") == true)
    }
}
