import PalisadeCore
import XCTest
@testable import NetPolicy

final class QuarantinePolicyTests: XCTestCase {
    typealias F = NetpolFindingsFixture

    private let workloads = [
        F.namespace("kube-system"), F.deployment("web", labels: "app: web"), F.deployment("api", labels: "app: api"),
        F.deployment("coredns", namespace: "kube-system", labels: "k8s-app: kube-dns"),
    ]

    private func connections(of workload: String, with policy: String) throws -> [String] {
        let topology = try F.topology(workloads + [policy])
        XCTAssertTrue(topology.model.rejected.isEmpty, "\(topology.model.rejected.map(\.reason))")
        return ConnectivityAnalysis(topology: topology).connections()
            .filter { $0.source.name == workload || $0.destination.name == workload }
            .map { "\($0.source.displayName) => \($0.destination.displayName) : \($0.connections.analyzerText)" }
    }

    func testQuarantineNetworkPolicyCutsEveryConnection() throws {
        let policy = QuarantinePolicy(namespace: "default", workload: "web", labels: ["app": "web"]).text(.networkPolicy)
        XCTAssertEqual(try connections(of: "web", with: policy), [])
        XCTAssertFalse(try connections(of: "api", with: policy).isEmpty)
    }

    func testQuarantineWithDNSKeepsOnlyDNS() throws {
        let policy = QuarantinePolicy(namespace: "default", workload: "web", labels: ["app": "web"], allowDNS: true).text(.networkPolicy)
        XCTAssertEqual(try connections(of: "web", with: policy),
                       ["default/web[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53"])
    }

    func testCalicoQuarantineOverridesAnAllowingNetworkPolicy() throws {
        let allowAll = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-all, namespace: default}
        spec: {podSelector: {}, ingress: [{}]}
        """
        let calico = QuarantinePolicy(namespace: "default", workload: "web", labels: ["app": "web"]).text(.calico)
        XCTAssertEqual(try connections(of: "web", with: calico + "---\n" + allowAll), [])
    }

    func testAdminQuarantineWithItsNetworkPolicyCutsEveryConnectionButDNS() throws {
        let admin = QuarantinePolicy(namespace: "default", workload: "web", labels: ["app": "web"], allowDNS: true).text(.admin)
        XCTAssertEqual(try connections(of: "web", with: admin),
                       ["default/web[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53"])
    }

    func testYAMLQuotesScalarsThatWouldChangeType() throws {
        let node = YAMLNode.object([("a", .string("true")), ("b", .string("80")), ("c", .string("app == 'x'")),
                                    ("d", .list([.object([("e", .int(1)), ("f", .list([]))])]))])
        XCTAssertEqual(node.text, "a: \"true\"\nb: \"80\"\nc: \"app == 'x'\"\nd:\n- e: 1\n  f: []\n")
        let parsed = try YAMLReader.decode(node.text)
        XCTAssertEqual(parsed["a"], .string("true"))
        XCTAssertEqual(parsed["b"], .string("80"))
    }
}
