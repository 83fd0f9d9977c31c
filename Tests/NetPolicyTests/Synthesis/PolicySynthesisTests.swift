import Kube
import PalisadeCore
import XCTest
@testable import NetPolicy

final class PolicySynthesisTests: XCTestCase {
    typealias F = NetpolFindingsFixture

    private static let workloads = [
        F.namespace("default"), F.namespace("data"),
        F.deployment("fe", labels: "app: fe, tier: web"), F.deployment("be", labels: "app: be", port: 8080),
        F.deployment("db", namespace: "data", labels: "app: db", port: 5432), F.deployment("batch", labels: "app: batch"),
    ]

    private static let declarations = """
    connections:
    - {from: default/fe, to: default/be, port: tcp/8080}
    - {from: default/be, to: data/db, ports: [tcp/5432, tcp/6000-6010]}
    - {from: default/fe, to: 8.8.8.8, port: udp/53}
    - {from: 10.0.0.0/8, to: default/fe, port: 443}
    - {from: default/batch, to: data/db}
    """

    /// The connectivity of `workloads` plus the generated policies, as analyzer lines.
    private func analyze(_ generated: String) throws -> Set<String> {
        let topology = try F.topology(Self.workloads + [generated])
        XCTAssertTrue(topology.model.rejected.isEmpty, "generated policies rejected: \(topology.model.rejected.map(\.reason))")
        let connections = ConnectivityAnalysis(topology: topology).connections()
        return Set(connections.map { "\($0.source.displayName) => \($0.destination.displayName) : \($0.connections.analyzerText)" })
    }

    private func plan() throws -> (ConnectionPlan, Topology) {
        let topology = try F.topology(Self.workloads)
        let declared = try ConnectionFile.parse(Self.declarations, file: "conns.yaml")
        let plan = ConnectionPlan(declared, topology: topology)
        XCTAssertEqual(plan.problems, [])
        return (plan, topology)
    }

    private let expected: Set<String> = [
        "default/fe[Deployment] => default/be[Deployment] : TCP 8080",
        "default/be[Deployment] => data/db[Deployment] : TCP 5432,6000-6010",
        "default/fe[Deployment] => 8.8.8.8-8.8.8.8[External] : UDP 53",
        "10.0.0.0-10.255.255.255[External] => default/fe[Deployment] : TCP 443",
        "default/batch[Deployment] => data/db[Deployment] : All Connections",
    ]

    func testGeneratedNetworkPoliciesAllowExactlyTheDeclaredConnections() throws {
        let (plan, topology) = try plan()
        let result = NetworkPolicySynthesizer(topology: topology).policies(for: plan)
        XCTAssertEqual(result.warnings, [])
        XCTAssertEqual(result.policies.count, 4)
        XCTAssertEqual(try analyze(YAMLNode.stream(result.policies)), expected)
    }

    func testGeneratedCalicoPoliciesAllowExactlyTheDeclaredConnections() throws {
        let (plan, topology) = try plan()
        let result = CalicoPolicySynthesizer(topology: topology).policies(for: plan)
        // Calico's universe is every protocol; the rules name TCP, UDP and SCTP only,
        // which is all the Kubernetes universe holds, so nothing else (ICMP) is allowed.
        XCTAssertEqual(try analyze(YAMLNode.stream(result.policies)), expected)
    }

    func testObservedConnectionsFromAnalyzeOutputRoundTrip() throws {
        let (plan, topology) = try plan()
        let generated = YAMLNode.stream(NetworkPolicySynthesizer(topology: topology).policies(for: plan).policies)
        let observed = try analyze(generated).sorted().joined(separator: "\n")
        let replanned = ConnectionPlan(try ConnectionFile.parse(observed, file: "observed.txt"), topology: topology)
        XCTAssertEqual(replanned.problems, [])
        let regenerated = YAMLNode.stream(NetworkPolicySynthesizer(topology: topology).policies(for: replanned).policies)
        XCTAssertEqual(try analyze(regenerated), expected)
    }

    func testAnalyzeJSONOutputReadsAsObservedConnections() throws {
        let json = """
        [
          {"src": "default/fe[Deployment]", "dst": "default/be[Deployment]", "conn": "TCP 8080"},
          {"src": "0.0.0.0-9.255.255.255[External]", "dst": "default/fe[Deployment]", "conn": "All Connections"}
        ]
        """
        let declared = try ConnectionFile.parse(json, file: "observed.json")
        XCTAssertEqual(declared.map(\.source), [.workload(namespace: "default", name: "fe", kind: "Deployment"), .addresses(IntervalSet(0, 10 << 24 - 1))])
        XCTAssertEqual(declared.map(\.connections), [ConnectionSet(.tcp, ports: IntervalSet(8080, 8080)), .allKubernetes])
    }

    func testUnknownWorkloadIsReportedWithItsOrigin() throws {
        let topology = try F.topology(Self.workloads)
        let declared = try ConnectionFile.parse("- {from: default/fe, to: default/nope, port: tcp/80}\n", file: "conns.yaml")
        let plan = ConnectionPlan(declared, topology: topology)
        XCTAssertEqual(plan.problems.count, 1)
        XCTAssertTrue(plan.problems[0].hasPrefix("conns.yaml:1:1: connections[0]: no workload default/nope"), plan.problems[0])
    }

    func testBadPortIsAnInputErrorWithFileAndLine() {
        XCTAssertThrowsError(try ConnectionFile.parse("\n- {from: a/b, to: c/d, port: tcp/99999}\n", file: "conns.yaml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("conns.yaml:2:1: connections[0].port"), "\(error)")
        }
    }

    func testPortSpecifications() {
        XCTAssertEqual(ConnectionPorts.parse("tcp/80"), ConnectionSet(.tcp, ports: IntervalSet(80, 80)))
        XCTAssertEqual(ConnectionPorts.parse("80"), ConnectionSet(.tcp, ports: IntervalSet(80, 80)))
        XCTAssertEqual(ConnectionPorts.parse("UDP/5000-5010"), ConnectionSet(.udp, ports: IntervalSet(5000, 5010)))
        XCTAssertEqual(ConnectionPorts.parse("all"), .allKubernetes)
        XCTAssertEqual(ConnectionPorts.parse("TCP 80,8080-8081,UDP 53"),
                       ConnectionSet(.tcp, ports: IntervalSet(intervals: [.init(80, 80), .init(8080, 8081)])).union(ConnectionSet(.udp, ports: IntervalSet(53, 53))))
        XCTAssertNil(ConnectionPorts.parse("tcp/0"))
        XCTAssertNil(ConnectionPorts.parse("tcp/90-80"))
        XCTAssertNil(ConnectionPorts.parse("http/80"))
    }

    func testPeersFromNamesAddressesAndAnalyzerRanges() {
        XCTAssertEqual(ConnectionPeer(parsing: "ns/web"), .workload(namespace: "ns", name: "web", kind: nil))
        XCTAssertEqual(ConnectionPeer(parsing: "web"), .workload(namespace: "default", name: "web", kind: nil))
        XCTAssertEqual(ConnectionPeer(parsing: "ns/web[StatefulSet]"), .workload(namespace: "ns", name: "web", kind: "StatefulSet"))
        XCTAssertEqual(ConnectionPeer(parsing: "10.0.0.0/8"), .addresses(IntervalSet(10 << 24, 10 << 24 | 0xFFFFFF)))
        XCTAssertEqual(ConnectionPeer(parsing: "0.0.0.0-9.255.255.255[External]"), .addresses(IntervalSet(0, 10 << 24 - 1)))
        XCTAssertNil(ConnectionPeer(parsing: "a/b/c"))
        XCTAssertNil(ConnectionPeer(parsing: "10.0.0.0/33"))
    }
}
