import XCTest
@testable import NetPolicy

final class ConnlistFormatTests: XCTestCase {
    private let connection = PeerConnection(
        source: Endpoint(namespace: "ns", name: "a", workloadKind: "Deployment"),
        destination: Endpoint(namespace: "ns", name: "b", workloadKind: "Deployment"),
        connections: ConnectionSet(.tcp, ports: IntervalSet(80, 80)).union(ConnectionSet(.udp, ports: IntervalSet(53, 53))))

    func testCSVQuotesFieldsWithCommas() {
        XCTAssertEqual(ConnlistFormat.csv.render([connection], endpoints: []),
                       "src,dst,conn\nns/a[Deployment],ns/b[Deployment],\"TCP 80,UDP 53\"\n")
    }

    func testFocusConnectionListsPairsUnderAHeader() {
        XCTAssertEqual(ConnlistFormat.txt.render([connection], endpoints: [], onlyConnection: "TCP 80"),
                       "Permitted connections on TCP 80:\nns/a[Deployment] => ns/b[Deployment]")
    }

    func testGraphClusterIdsReplaceDashes() {
        let dash = PeerConnection(source: Endpoint(namespace: "my-ns", name: "a", workloadKind: "Pod"),
                                  destination: Endpoint(namespace: "my-ns", name: "b", workloadKind: "Pod"),
                                  connections: .allKubernetes)
        let dot = ConnlistFormat.dot.render([dash], endpoints: [])
        XCTAssertTrue(dot.contains("subgraph \"cluster_my_ns[namespace]\""))
        XCTAssertTrue(dot.contains("label=\"my-ns[namespace]\""))
    }

    func testRequestWarnsAboutFocusWorkloadsThatDoNotExist() {
        let topology = ConnlistFixture([ConnlistFixture.deployment("a", labels: "app: a")]).topology
        let request = ConnlistRequest(format: .txt, focus: AnalysisFocus(workloads: ["default/zzz"]))
        XCTAssertTrue(request.problems(in: topology).contains { $0.contains("default/zzz") })
    }
}
