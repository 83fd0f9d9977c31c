import XCTest
@testable import NetPolicy

/// External peers are address ranges cut by the policies' ipBlocks, per direction.
final class ExternalRangeTests: XCTestCase {
    private let web = ConnlistFixture.deployment("web", labels: "app: web")

    func testIngressBlocksCutOnlyTheSources() {
        let policy = ConnlistFixture.policy("from-ten", spec: """
          podSelector: {matchLabels: {app: web}}
          ingress:
            - from: [{ipBlock: {cidr: 10.0.0.0/8}}]
        """)
        let lines = ConnlistFixture([web, policy]).lines()
        XCTAssertEqual(lines, [
            "10.0.0.0-10.255.255.255[External] => default/web[Deployment] : All Connections",
            "default/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections",
        ])
    }

    func testEgressBlocksCutOnlyTheDestinations() {
        let policy = ConnlistFixture.policy("to-ten", spec: """
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress:
            - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
              ports: [{port: 443}]
        """)
        let lines = ConnlistFixture([web, policy]).lines()
        XCTAssertEqual(lines, [
            "0.0.0.0-255.255.255.255[External] => default/web[Deployment] : All Connections",
            "default/web[Deployment] => 10.0.0.0-10.255.255.255[External] : TCP 443",
        ])
    }

    func testExceptsThatTouchLeaveOneRange() {
        let policy = ConnlistFixture.policy("all-but-ten", spec: """
          podSelector: {matchLabels: {app: web}}
          ingress:
            - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/9, 10.128.0.0/9]}}]
        """)
        let sources = ConnlistFixture([web, policy]).topology.externalSources.map(\.name)
        XCTAssertEqual(sources, ["0.0.0.0-9.255.255.255", "10.0.0.0-10.255.255.255", "11.0.0.0-255.255.255.255"])
    }

    func testNamedPortTowardAnAddressBlockIsRejected() {
        let policy = ConnlistFixture.policy("named-to-ip", spec: """
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
              ports: [{port: http}]
        """)
        let fixture = ConnlistFixture([web, policy])
        XCTAssertTrue(fixture.topology.model.policies.isEmpty)
        XCTAssertTrue(fixture.problems.contains { $0.contains("named port error") && $0.contains("test.yaml") })
    }
}
