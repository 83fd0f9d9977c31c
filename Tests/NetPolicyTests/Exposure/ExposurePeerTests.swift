import XCTest
@testable import NetPolicy

final class ExposurePeerTests: XCTestCase {
    func testSelectorTextListsLabelsThenExpressionsKeepingValueOrder() {
        let selector = LabelSelector(matchLabels: ["tier": "web", "app": "x"], matchExpressions: [
            .init(key: "role", op: .notIn, values: ["web", "api"]),
            .init(key: "env", op: .exists),
        ])
        XCTAssertEqual(ExposurePeer.selectorText(selector),
                       "{app=x,tier=web,{Key:env,Operator:Exists,Values:[],},{Key:role,Operator:NotIn,Values:[web api],}}")
    }

    func testNamespaceNameLabelSelectorIsThatNamespace() {
        let peer = ExposurePeer(namespaceSelector: LabelSelector(matchLabels: [Topology.namespaceNameLabel: "backend"]),
                                podSelector: nil, policyNamespace: "hello")
        XCTAssertEqual(peer.displayName, "backend/[all pods]")
    }

    func testMissingNamespaceSelectorMeansThePolicyNamespace() {
        let peer = ExposurePeer(namespaceSelector: nil, podSelector: LabelSelector(matchLabels: ["role": "monitoring"]),
                                policyNamespace: "hello")
        XCTAssertEqual(peer.displayName, "hello/[pod with {role=monitoring}]")
    }

    func testEmptySelectorsAreTheEntireCluster() {
        let peer = ExposurePeer(namespaceSelector: .everything, podSelector: .everything, policyNamespace: "hello")
        XCTAssertTrue(peer.isEntireCluster)
        XCTAssertEqual(peer.displayName, "entire-cluster")
        let anyNamespace = ExposurePeer(namespaceSelector: .everything, podSelector: LabelSelector(matchLabels: ["k8s-app": "dns"]),
                                        policyNamespace: nil)
        XCTAssertEqual(anyNamespace.displayName, "[all namespaces]/[pod with {k8s-app=dns}]")
    }

    func testPeersDifferingOnlyInListOrderAreTheSame() {
        let first = LabelSelector(matchExpressions: [.init(key: "env", op: .in, values: ["a", "b"]), .init(key: "tier", op: .exists)])
        let second = LabelSelector(matchExpressions: [.init(key: "tier", op: .exists), .init(key: "env", op: .in, values: ["b", "a"])])
        XCTAssertEqual(ExposurePeer(namespaceSelector: first, podSelector: nil, policyNamespace: nil).key,
                       ExposurePeer(namespaceSelector: second, podSelector: nil, policyNamespace: nil).key)
    }

    func testConnectionTextKeepsUnresolvedPortNames() {
        let connections = ExposureConnections(numbered: ConnectionSet(.tcp, ports: IntervalSet(80, 80)), named: ["TCP": ["http"]])
        XCTAssertEqual(connections.analyzerText, "TCP 80,http")
        XCTAssertEqual(ExposureConnections(named: ["": ["local-port"]]).analyzerText, " local-port")
    }
}
