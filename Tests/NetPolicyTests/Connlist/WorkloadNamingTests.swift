import XCTest
@testable import NetPolicy

/// Pods are reported as the workload that owns them.
final class WorkloadNamingTests: XCTestCase {
    func testPodsTakeTheirOwnersNameAndKind() {
        let owned = ConnlistFixture.pod("api-7d9f-x1", labels: "app: api", owner: "{kind: ReplicaSet, name: api-7d9f, controller: true}")
        let names = ConnlistFixture([owned]).topology.endpoints.map(\.displayName)
        XCTAssertEqual(names, ["default/api-7d9f[ReplicaSet]"])
    }

    func testAnOwnerWithoutKindIsReportedAsPod() {
        let owned = ConnlistFixture.pod("p1", labels: "app: a", owner: "{name: agent, controller: true}")
        XCTAssertEqual(ConnlistFixture([owned]).topology.endpoints.map(\.displayName), ["default/agent[Pod]"])
    }

    func testStaticPodsOwnedByTheirNodeKeepTheirName() {
        let staticPod = ConnlistFixture.pod("etcd-node1", namespace: "kube-system", labels: "tier: control-plane",
                                            owner: "{kind: Node, name: node1, controller: true}")
        XCTAssertEqual(ConnlistFixture([staticPod]).topology.endpoints.map(\.displayName), ["kube-system/etcd-node1[Pod]"])
    }

    func testPodsOfOneOwnerMergeWhenNoPolicyTellsThemApart() {
        let owner = "{kind: DaemonSet, name: agents, controller: true}"
        let pods = [ConnlistFixture.pod("a1", labels: "app: x, tier: one", owner: owner),
                    ConnlistFixture.pod("a2", labels: "app: x, tier: two", owner: owner)]
        let byApp = ConnlistFixture.policy("by-app", spec: "  podSelector: {matchLabels: {app: x}}\n  ingress: [{}]")
        let fixture = ConnlistFixture(pods + [byApp])
        XCTAssertEqual(fixture.topology.endpoints.map(\.displayName), ["default/agents[DaemonSet]"])
        XCTAssertEqual(fixture.problems, [])
    }

    func testPodsOfOneOwnerThatAPolicyTellsApartAreReported() {
        let owner = "{kind: DaemonSet, name: agents, controller: true}"
        let pods = [ConnlistFixture.pod("a1", labels: "app: x, tier: one", owner: owner),
                    ConnlistFixture.pod("a2", labels: "app: x, tier: two", owner: owner)]
        let byTier = ConnlistFixture.policy("by-tier", spec: "  podSelector: {matchLabels: {tier: one}}\n  ingress: [{}]")
        let problems = ConnlistFixture(pods + [byTier]).problems
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].contains("default/agents") && problems[0].contains("by-tier"), problems[0])
    }

    func testAPodWrittenWithAGroupIsReadAsAPodWithAWarning() {
        let pod = ConnlistFixture.pod("app", labels: "app: a").replacingOccurrences(of: "apiVersion: v1", with: "apiVersion: apps/v1")
        let fixture = ConnlistFixture([pod])
        XCTAssertEqual(fixture.topology.endpoints.map(\.displayName), ["default/app[Pod]"])
        XCTAssertTrue(fixture.problems.contains { $0.contains("apps/v1") && $0.contains("test.yaml") })
    }
}
