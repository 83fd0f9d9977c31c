import XCTest
@testable import NetPolicy

final class ExposureReportTests: XCTestCase {
    private func render(_ format: ConnlistFormat, policies: String, focus: AnalysisFocus = AnalysisFocus()) -> String {
        let topology = ExposureFixture(policies: policies).topology
        let connections = ConnectivityAnalysis(topology: topology).connections(focus: focus)
        let result = ExposureAnalysis(topology: topology).result(focus: focus, connections: connections)
        return ExposureReport(format: format, connections: connections, endpoints: topology.endpoints, result: result).render()
    }

    private let notInPolicy = ExposureFixture.policy("np", """
      policyTypes: [Ingress]
      ingress:
        - from: [{podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [x, y]}]}}]
    """)

    func testCSVQuotesPeerNamesWithCommasAndPutsTheWorkloadFirst() {
        let lines = render(.csv, policies: notInPolicy).components(separatedBy: "\n")
        XCTAssertTrue(lines.contains("Ingress Exposure:,,"))
        XCTAssertTrue(lines.contains("dst,src,conn"))
        XCTAssertTrue(lines.contains("hello/a[Pod],\"hello/[pod with {{Key:app,Operator:NotIn,Values:[x y],}}]\",All Connections"))
    }

    func testJSONListsIngressExposureFromThePeerToTheWorkload() {
        let json = render(.json, policies: notInPolicy)
        XCTAssertTrue(json.contains("\"exposure_results\": {"))
        XCTAssertTrue(json.contains("\"src\": \"hello/[pod with {{Key:app,Operator:NotIn,Values:[x y],}}]\",\n        \"dst\": \"hello/a[Pod]\""))
    }

    func testGraphPutsAbstractPeersInRedNamespaceClusters() {
        let dot = render(.dot, policies: notInPolicy).components(separatedBy: "\n")
        let node = "pod with {{Key:app,Operator:NotIn,Values:[x y],}}_in_hello"
        XCTAssertTrue(dot.contains("\t\t\"\(node)\" [label=\"pod with {{Key:app,Operator:NotIn,Values:[x y],}}\" color=\"red2\" fontcolor=\"red2\"]"))
        XCTAssertTrue(dot.contains("\t\"\(node)\" -> \"hello/a[Pod]\" [label=\"All Connections\" color=\"darkorange2\" fontcolor=\"darkgreen\" weight=1 style=dashed]"))
        XCTAssertTrue(dot.contains("\t\"entire-cluster\" [label=\"entire-cluster\" color=\"red2\" fontcolor=\"red2\" shape=diamond]"))
    }

    func testEmptyExposureSectionsAreNullInJSON() {
        let denyAll = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: hello}
        spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
        """
        let json = render(.json, policies: denyAll, focus: AnalysisFocus(workloads: ["hello/a"]))
        XCTAssertTrue(json.contains("\"egress_exposure\": null"), json)
        XCTAssertTrue(json.contains("\"ingress_exposure\": null"), json)
    }
}
