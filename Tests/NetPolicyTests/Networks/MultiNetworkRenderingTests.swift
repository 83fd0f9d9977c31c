import XCTest
@testable import NetPolicy

/// Graph and explanation forms of the multi-network analysis.
final class MultiNetworkRenderingTests: XCTestCase {
    func testBannersGainTheNetworkName() {
        let lines = ["", "####", "# Specific connections and their reasons #", "####", "a => b", ""]
        let retitled = MultiNetworkExplain.retitled(lines, suffix: " in primary UDN green")
        let title = "# Specific connections and their reasons in primary UDN green #"
        XCTAssertEqual(retitled, ["", String(repeating: "#", count: title.count), title, String(repeating: "#", count: title.count), "a => b", ""])
    }

    func testDotKeepsSecondaryNetworkNodesApartFromPrimaryOnes() {
        let fixture = NetworkFixture([
            NetworkYAML.pod("a", namespace: "ns-one", networks: "l2"), NetworkYAML.pod("b", namespace: "ns-one", networks: "l2"),
            NetworkYAML.denyAll(namespace: "ns-one"),
        ].joined(separator: "\n"))
        let edge = { (s: String, d: String, w: String) in
            "\t\"ns-one/\(s)[Pod]l2\" -> \"ns-one/\(d)[Pod]l2\" [label=\"All Connections\" color=\"gold2\" fontcolor=\"darkgreen\" weight=\(w)]"
        }
        let node = { (n: String, id: String) in "\t\t\"\(id)\" [label=\"\(n)[Pod]\" color=\"blue\" fontcolor=\"blue\"]" }
        XCTAssertEqual(fixture.render(.dot).split(separator: "\n").map(String.init), [
            "digraph {",
            "\tsubgraph \"cluster_pod_network\" {", "\tlabel=\"pod network\"",
            "\tsubgraph \"cluster_ns_one[namespace]\" {", "\t\tcolor=\"black\"", "\t\tfontcolor=\"black\"",
            node("a", "ns-one/a[Pod]"), node("b", "ns-one/b[Pod]"), "\t\tlabel=\"ns-one[namespace]\"", "\t}",
            "\t}",
            "\tsubgraph \"cluster_l2\" {", "\tlabel=\"l2[nad]\"",
            "\tsubgraph \"cluster_ns_one[namespace]\" {", "\t\tcolor=\"black\"", "\t\tfontcolor=\"black\"",
            node("a", "ns-one/a[Pod]l2"), node("b", "ns-one/b[Pod]l2"), "\t\tlabel=\"ns-one[namespace]\"", "\t}",
            "\t}",
            edge("a", "b", "0.5"), edge("b", "a", "1"),
            "}",
        ])
    }

    func testFocusConnectionExplainsIsolationBetweenPodNetworkAndUDN() {
        let fixture = NetworkFixture([
            NetworkYAML.namespace("blue", primaryUDN: true), NetworkYAML.udn("net", namespace: "blue"),
            NetworkYAML.pod("a", namespace: "blue"), NetworkYAML.pod("c", namespace: "default"),
        ].joined(separator: "\n"))
        var request = ConnlistRequest(format: .txt)
        request.explain = true
        request.focusConnection = (.tcp, 80)
        request.multipleNetworks = fixture.analysis
        let lines = request.render(fixture.topology).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines.contains("# Specific connections and their reasons in primary UDN blue #"))
        guard let start = lines.firstIndex(of: "Connections between default/c[Pod] => blue[udn]/a[Pod]:") else {
            return XCTFail("no isolation block in \(lines)")
        }
        XCTAssertEqual(Array(lines[start..<(start + 8)]), [
            "Connections between default/c[Pod] => blue[udn]/a[Pod]:", "", "Denied connections:",
            "\tDenied TCP:[80] due to existence of user defined networks:",
            "\t\tEgress ", "\t\t\tUserDefinedNetwork 'blue' isolates blue[udn]/a[Pod]",
            "\t\tIngress ", "\t\t\tUserDefinedNetwork 'blue' isolates blue[udn]/a[Pod]",
        ])
        XCTAssertTrue(lines.contains("Connections between blue[udn]/a[Pod] => default/c[Pod]:"))
        XCTAssertFalse(lines.contains { $0.hasPrefix("*** Note") }, "the isolation note is left out with a focus connection")
    }
}
