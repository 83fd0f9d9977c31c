import XCTest
@testable import NetPolicy

/// `diff` reports what changed in the second input relative to the first.
final class ConnectivityDiffTests: XCTestCase {
    private let a = ConnlistFixture.deployment("a", labels: "app: a")
    private let b = ConnlistFixture.deployment("b", labels: "app: b")
    private let c = ConnlistFixture.deployment("c", labels: "app: c")
    private let denyAll = ConnlistFixture.policy("deny", spec: "  podSelector: {}\n  policyTypes: [Ingress, Egress]")

    private func allowAToB(port: Int) -> String {
        ConnlistFixture.policy("a-to-b-\(port)", spec: """
          podSelector: {matchExpressions: [{key: app, operator: In, values: [a, b]}]}
          policyTypes: [Ingress, Egress]
          ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: \(port)}]}]
          egress: [{to: [{podSelector: {matchLabels: {app: b}}}], ports: [{port: \(port)}]}]
        """)
    }

    private func diffLines(_ ref1: [String], _ ref2: [String]) -> [String] {
        let diff = ConnectivityDiff(ref1: ConnlistFixture(ref1).topology, ref2: ConnlistFixture(ref2).topology)
        return DiffFormat.txt.render(diff).split(separator: "\n").map(String.init)
    }

    func testAChangedPortIsOneChangedLine() {
        XCTAssertEqual(diffLines([a, b, allowAToB(port: 80)], [a, b, allowAToB(port: 8080)]), [
            "Connectivity diff:",
            "diff-type: changed, source: default/a[Deployment], destination: default/b[Deployment], ref1: TCP 80, ref2: TCP 8080",
        ])
    }

    func testIdenticalInputsGiveEmptyOutput() {
        XCTAssertEqual(diffLines([a, b, allowAToB(port: 80)], [a, b, allowAToB(port: 80)]), [])
    }

    func testAddedWorkloadsAreNamed() {
        let lines = diffLines([a], [a, c])
        XCTAssertTrue(lines.contains(
            "diff-type: added, source: default/a[Deployment], destination: default/c[Deployment], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload default/c[Deployment] added"))
        XCTAssertTrue(lines.contains(
            "diff-type: added, source: 0.0.0.0-255.255.255.255[External], destination: default/c[Deployment], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload default/c[Deployment] added"))
    }

    func testChangedLinesComeBeforeAddedOnes() {
        let lines = diffLines([a, b, allowAToB(port: 80)], [a, b, c, allowAToB(port: 8080)])
        let kinds = lines.dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        XCTAssertEqual(kinds.first, "diff-type: changed")
        XCTAssertEqual(kinds.filter { $0 == "diff-type: changed" }.count, 1)
        XCTAssertTrue(kinds.dropFirst().allSatisfy { $0 == "diff-type: added" }, "\(kinds)")
    }

    func testRemovedPairsNameTheRemovedWorkload() {
        let lines = diffLines([a, c], [a])
        XCTAssertTrue(lines.contains(
            "diff-type: removed, source: default/a[Deployment], destination: default/c[Deployment], ref1: All Connections, ref2: No Connections, workloads-diff-info: workload default/c[Deployment] removed"))
    }

    func testARangeSplitOnlyInOneInputIsComparedPieceByPiece() {
        let fromTen = ConnlistFixture.policy("from-ten", spec: """
          podSelector: {matchLabels: {app: a}}
          ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
        """)
        let lines = diffLines([a], [a, fromTen])
        XCTAssertEqual(lines, [
            "Connectivity diff:",
            "diff-type: removed, source: 0.0.0.0-9.255.255.255[External], destination: default/a[Deployment], ref1: All Connections, ref2: No Connections",
            "diff-type: removed, source: 11.0.0.0-255.255.255.255[External], destination: default/a[Deployment], ref1: All Connections, ref2: No Connections",
        ])
    }
}
