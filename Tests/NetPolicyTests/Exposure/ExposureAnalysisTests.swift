import XCTest
@testable import NetPolicy

final class ExposureAnalysisTests: XCTestCase {
    func testWorkloadsWithoutPoliciesAreExposedToEverything() {
        let lines = ExposureFixture(policies: "").exposureText()
        XCTAssertTrue(lines.contains("hello/a[Pod] \t=> \tentire-cluster : All Connections"))
        XCTAssertTrue(lines.contains("hello/b[Pod] \t<= \tentire-cluster : All Connections"))
        XCTAssertTrue(lines.contains("hello/a[Pod] \t<= \t0.0.0.0-255.255.255.255[External] : All Connections"))
        XCTAssertTrue(lines.contains("hello/b[Pod] is not protected on Ingress"))
    }

    func testIngressFromPodsOfTheOwnNamespaceIsAnAbstractPeer() {
        let policy = ExposureFixture.policy("np", """
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {role: monitoring}}}]
              ports: [{port: 8050, protocol: TCP}]
        """)
        let lines = ExposureFixture(policies: policy).exposureText()
        XCTAssertTrue(lines.contains("hello/a[Pod] \t<= \thello/[pod with {role=monitoring}] : TCP 8050"))
        XCTAssertFalse(lines.contains { $0.hasPrefix("hello/a[Pod] \t<= \tentire-cluster") })
        XCTAssertTrue(lines.contains("hello/a[Pod] is not protected on Egress"))
    }

    func testBroaderRulesAddToNarrowerPeersAndEqualPeersAreDropped() {
        let policy = ExposureFixture.policy("np", """
          ingress:
            - from: [{namespaceSelector: {matchLabels: {env: qa}}}]
              ports: [{port: 8090, protocol: TCP}]
            - from: [{namespaceSelector: {matchLabels: {env: dev}}}]
              ports: [{port: 8050, protocol: TCP}]
            - from: [{namespaceSelector: {}}]
              ports: [{port: 8050, protocol: TCP}]
        """)
        let lines = ExposureFixture(policies: policy).exposureText()
        XCTAssertTrue(lines.contains("hello/a[Pod] \t<= \t[namespace with {env=qa}]/[all pods] : TCP 8050,8090"))
        XCTAssertTrue(lines.contains("hello/a[Pod] \t<= \tentire-cluster : TCP 8050"))
        XCTAssertFalse(lines.contains { $0.contains("env=dev") }, "a peer treated as the entire cluster adds nothing")
    }

    func testPeersThatRestateRealWorkloadsAreLeftToTheConnectivityList() {
        let policy = ExposureFixture.policy("np", """
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: b}}}]
        """)
        let lines = ExposureFixture(policies: policy).exposureText()
        XCTAssertFalse(lines.contains { $0.contains("pod with {app=b}") })
    }

    func testNamedPortsTowardAbstractDestinationsStayNames() {
        let policy = ExposureFixture.policy("np", """
          policyTypes: [Egress]
          egress:
            - to: [{namespaceSelector: {matchLabels: {team: x}}}]
              ports: [{port: http, protocol: TCP}]
        """)
        let lines = ExposureFixture(policies: policy).exposureText()
        XCTAssertTrue(lines.contains("hello/a[Pod] \t=> \t[namespace with {team=x}]/[all pods] : TCP http"))
    }

    func testFocusDirectionKeepsOneSection() {
        let focus = AnalysisFocus(workloads: ["hello/a"], direction: .ingress)
        let lines = ExposureFixture(policies: "").exposureText(focus: focus)
        XCTAssertFalse(lines.contains("Egress Exposure:"))
        XCTAssertTrue(lines.contains("hello/a[Pod] \t<= \tentire-cluster : All Connections"))
        XCTAssertFalse(lines.contains { $0.hasPrefix("hello/b") })
    }
}
