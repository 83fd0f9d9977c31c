import XCTest
@testable import NetPolicy

/// Which network each workload lands on, and which definitions are refused or ignored.
final class NetworkLayoutTests: XCTestCase {
    func testPrimaryUDNServesOnlyALabelledNamespace() {
        let fixture = NetworkFixture([
            NetworkYAML.namespace("blue", primaryUDN: true), NetworkYAML.udn("blue-net", namespace: "blue"),
            NetworkYAML.namespace("green"), NetworkYAML.udn("green-net", namespace: "green"),
            NetworkYAML.pod("a", namespace: "blue"), NetworkYAML.pod("b", namespace: "green"),
        ].joined(separator: "\n"))
        let layout = fixture.analysis.layout
        XCTAssertEqual(layout.primaryOfNamespace, ["blue": ClusterNetwork(kind: .primaryUDN, name: "blue")])
        XCTAssertEqual(layout.errors.count, 0)
        XCTAssertEqual(layout.warnings.count, 1)
        XCTAssertTrue(layout.warnings[0].contains("UserDefinedNetwork green/green-net"))
        XCTAssertTrue(layout.warnings[0].contains("does not have the label k8s.ovn.org/primary-user-defined-network"))
    }

    func testClusterUDNJoinsSelectedNamespacesWithTheLabel() {
        let fixture = NetworkFixture([
            NetworkYAML.namespace("red", primaryUDN: true), NetworkYAML.namespace("yellow"),
            NetworkYAML.namespace("other", primaryUDN: true),
            NetworkYAML.cudn("tenant", namespaces: ["red", "yellow"]),
        ].joined(separator: "\n"))
        let layout = fixture.analysis.layout
        XCTAssertEqual(layout.primaryOfNamespace, ["red": ClusterNetwork(kind: .primaryCUDN, name: "tenant")])
        XCTAssertEqual(layout.warnings.count, 2)
        XCTAssertTrue(layout.warnings[0].contains("selects namespace yellow"))
        XCTAssertTrue(layout.warnings[1].hasPrefix("namespace other has the label"))
    }

    func testClusterUDNSelectingNothingIsReported() {
        let fixture = NetworkFixture(NetworkYAML.namespace("blue") + "\n" + NetworkYAML.cudn("none", namespaces: ["orange"]))
        XCTAssertEqual(fixture.analysis.layout.warnings.count, 1)
        XCTAssertTrue(fixture.analysis.layout.warnings[0].contains("ClusterUserDefinedNetwork none: the namespace selector selects no namespace"))
    }

    func testSecondaryRoleIsIgnoredWithAWarning() {
        let fixture = NetworkFixture(NetworkYAML.namespace("blue", primaryUDN: true) + "\n" + NetworkYAML.udn("net", namespace: "blue", role: "Secondary"))
        XCTAssertEqual(fixture.analysis.layout.primaryOfNamespace, [:])
        XCTAssertEqual(fixture.analysis.layout.warnings.count, 2)
        XCTAssertTrue(fixture.analysis.layout.warnings[0].contains("role Secondary is not supported"))
        XCTAssertTrue(fixture.analysis.layout.warnings[1].contains("namespace blue has the label k8s.ovn.org/primary-user-defined-network but no primary user-defined network serves it"))
    }

    func testInvalidDefinitionsAreErrorsWithTheirLocation() {
        let cases: [(String, String)] = [
            (NetworkYAML.udn("net", namespace: "blue", topology: "Layer4"), "spec.topology: invalid value \"Layer4\""),
            (NetworkYAML.udn("net", namespace: "blue", topology: "Layer2", layerKey: "layer3"), "spec.topology is Layer2 but spec.layer2 is missing"),
            (NetworkYAML.udn("default", namespace: "blue"), "may not be named \"default\""),
            (NetworkYAML.udn("net", namespace: "default"), "may not be created in the \"default\" namespace"),
        ]
        for (yaml, expected) in cases {
            let fixture = NetworkFixture(NetworkYAML.namespace("blue", primaryUDN: true) + "\n" + yaml)
            XCTAssertEqual(fixture.analysis.errors.count, 1, expected)
            XCTAssertTrue(fixture.analysis.errors.first?.description.contains(expected) ?? false, "\(fixture.analysis.errors) should mention \(expected)")
            XCTAssertTrue(fixture.analysis.errors.first?.description.hasPrefix("test.yaml:") ?? false)
        }
    }

    func testTwoPrimaryNetworksForOneNamespaceAreAnError() {
        let fixture = NetworkFixture([
            NetworkYAML.namespace("red", primaryUDN: true), NetworkYAML.udn("red-net", namespace: "red"),
            NetworkYAML.cudn("tenant", namespaces: ["red"]),
        ].joined(separator: "\n"))
        XCTAssertEqual(fixture.analysis.errors.count, 1)
        XCTAssertTrue(fixture.analysis.errors[0].message.contains("namespace red has more than one primary user-defined network (red/red-net, tenant)"))
    }

    func testAttachmentsFromPodAnnotationAndVirtualMachineNetworks() {
        let vm = """
        ---
        apiVersion: kubevirt.io/v1
        kind: VirtualMachine
        metadata:
          name: vm1
          namespace: ns1
        spec:
          template:
            metadata:
              labels:
                app: vm
            spec:
              networks:
              - name: default
                pod: {}
              - name: second
                multus:
                  networkName: other/flat
        """
        let fixture = NetworkFixture(NetworkYAML.pod("p", namespace: "ns1", networks: "\"ns0/macvlan@eth1, flat\"") + "\n" + vm)
        let pod = fixture.topology.endpoints.first { $0.name == "p" }
        let machine = fixture.topology.endpoints.first { $0.name == "vm1" }
        XCTAssertEqual(machine?.displayName, "ns1/vm1[VirtualMachine]")
        XCTAssertEqual(machine?.labels, ["app": "vm"])
        XCTAssertEqual(pod.map { fixture.analysis.layout.secondaryNetworks(of: $0).map(\.name) }, ["flat", "macvlan"])
        XCTAssertEqual(machine.map { fixture.analysis.layout.secondaryNetworks(of: $0).map(\.name) }, ["flat"])
        XCTAssertEqual(machine.map { fixture.analysis.layout.primaryNetwork(of: $0) }, .podNetwork)
        // No NetworkAttachmentDefinition is in the input: each attachment is reported.
        XCTAssertEqual(fixture.analysis.layout.warnings.filter { $0.contains("which is not in the input") }.count, 3)
        XCTAssertTrue(fixture.analysis.layout.warnings.contains { $0.contains("ns1/p[Pod] attaches to NetworkAttachmentDefinition ns1/flat") })
    }

    func testAnnotationInJSONForm() throws {
        let requests = try NetworkAttachmentRequest.parse(annotation: #"[{"name": "net-a", "namespace": "x"}, {"name": "net-b"}]"#)
        XCTAssertEqual(requests, [NetworkAttachmentRequest(namespace: "x", name: "net-a"), NetworkAttachmentRequest(namespace: nil, name: "net-b")])
        XCTAssertThrowsError(try NetworkAttachmentRequest.parse(annotation: #"[{"namespace": "x"}]"#))
    }
}
