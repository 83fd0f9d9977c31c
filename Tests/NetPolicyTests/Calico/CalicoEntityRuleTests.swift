import XCTest
@testable import NetPolicy

/// Source/destination entity rules, protocols, ports and ICMP, per the Calico NetworkPolicy reference.
final class CalicoEntityRuleTests: XCTestCase {
    private let pods = CalicoYAML.namespace("prod", labels: ["env": "prod"]) + CalicoYAML.namespace("dev", labels: ["env": "dev"])
        + CalicoYAML.pod("db", namespace: "prod", labels: ["app": "db"], ports: [("pg", 5432, "TCP")])
        + CalicoYAML.pod("web", namespace: "prod", labels: ["app": "web"], serviceAccount: "web-sa")
        + CalicoYAML.pod("tool", namespace: "dev", labels: ["app": "web"])

    /// Ingress to prod/db: one Allow rule with `fields`, then a Deny of everything else.
    private func ingressToDB(_ fields: String, global: Bool = false) -> CalicoFixture {
        let header = global
            ? "kind: GlobalNetworkPolicy\nmetadata:\n  name: p\nspec:\n  selector: app == 'db'"
            : "kind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: prod\nspec:\n  selector: app == 'db'"
        let rule = fields.split(separator: "\n").map { "      \($0)" }.joined(separator: "\n")
        return CalicoFixture(pods + """
        apiVersion: projectcalico.org/v3
        \(header)
          ingress:
            - action: Allow
        \(rule)
            - action: Deny
        """)
    }

    func testSelectorInNamespacedPolicyReachesOnlyItsNamespace() {
        let f = ingressToDB("source:\n  selector: app == 'web'")
        XCTAssertEqual(f.allowed("prod/web", "prod/db"), .allProtocols)
        XCTAssertEqual(f.allowed("dev/tool", "prod/db"), .none, "same labels, other namespace")
    }

    func testSelectorInGlobalPolicyReachesAllNamespaces() {
        let f = ingressToDB("source:\n  selector: app == 'web'", global: true)
        XCTAssertEqual(f.allowed("prod/web", "prod/db"), .allProtocols)
        XCTAssertEqual(f.allowed("dev/tool", "prod/db"), .allProtocols)
    }

    func testNamespaceSelectorPicksNamespacesByLabelAndName() {
        let byLabel = ingressToDB("source:\n  namespaceSelector: env == 'dev'")
        XCTAssertEqual(byLabel.allowed("dev/tool", "prod/db"), .allProtocols)
        XCTAssertEqual(byLabel.allowed("prod/web", "prod/db"), .none)
        let byName = ingressToDB("source:\n  namespaceSelector: projectcalico.org/name == 'prod'")
        XCTAssertEqual(byName.allowed("prod/web", "prod/db"), .allProtocols)
        XCTAssertEqual(byName.allowed("dev/tool", "prod/db"), .none)
    }

    func testSelectorsDoNotMatchExternalAddresses() {
        let f = ingressToDB("source:\n  selector: all()")
        XCTAssertEqual(f.allowed("8.8.8.8", "prod/db"), .none)
    }

    func testNotSelectorExcludesMatchingEndpointsButKeepsOthers() {
        let f = ingressToDB("source:\n  notSelector: app == 'web'", global: true)
        XCTAssertEqual(f.allowed("prod/web", "prod/db"), .none)
        XCTAssertEqual(f.allowed("dev/tool", "prod/db"), .none)
        XCTAssertEqual(f.allowed("8.8.8.8", "prod/db"), .allProtocols, "notSelector also matches non-Calico sources")
    }

    func testServiceAccountNames() {
        let f = ingressToDB("source:\n  serviceAccounts:\n    names: [web-sa]")
        XCTAssertEqual(f.allowed("prod/web", "prod/db"), .allProtocols)
        XCTAssertEqual(f.allowed("dev/tool", "prod/db"), .none)
        XCTAssertEqual(f.allowed("8.8.8.8", "prod/db"), .none)
    }

    func testNetsAndNotNets() {
        let nets = ingressToDB("source:\n  nets: [10.0.0.0/8]")
        XCTAssertEqual(nets.allowed("10.1.2.3", "prod/db"), .allProtocols)
        XCTAssertEqual(nets.allowed("11.0.0.1", "prod/db"), .none)
        XCTAssertEqual(nets.allowed("prod/web", "prod/db"), .none, "a pod without a known IP is in no net")
        let notNets = ingressToDB("source:\n  notNets: [10.0.0.0/8]")
        XCTAssertEqual(notNets.allowed("10.1.2.3", "prod/db"), .none)
        XCTAssertEqual(notNets.allowed("11.0.0.1", "prod/db"), .allProtocols)
    }

    func testProtocolAndNotProtocol() {
        let udp = ingressToDB("protocol: UDP")
        XCTAssertEqual(udp.allowed("prod/web", "prod/db"), ConnectionSet(.udp))
        let notTCP = ingressToDB("notProtocol: TCP")
        XCTAssertEqual(notTCP.allowed("prod/web", "prod/db"), ConnectionSet.allProtocols.subtracting(.tcpAll))
        let numbered = ingressToDB("protocol: 112")
        XCTAssertEqual(numbered.allowed("prod/web", "prod/db"), ConnectionSet(IPProtocol(number: 112)))
    }

    func testPortsRangesNotPortsAndNamedPorts() {
        let f = ingressToDB("protocol: TCP\ndestination:\n  ports: [80, '8000:8002', pg]\n  notPorts: [8001]")
        XCTAssertEqual(f.allowed("prod/web", "prod/db"), .tcp(80, 8000, 8002, 5432))
    }

    func testICMPTypeAndCode() {
        let echo = ingressToDB("protocol: ICMP\nicmp:\n  type: 8\n  code: 0")
        XCTAssertEqual(echo.allowed("prod/web", "prod/db"), ConnectionSet(.icmp, ports: IntervalSet(8 << 8, 8 << 8)))
        let anyCode = ingressToDB("protocol: ICMP\nicmp:\n  type: 3")
        XCTAssertEqual(anyCode.allowed("prod/web", "prod/db"), ConnectionSet(.icmp, ports: IntervalSet(3 << 8, 3 << 8 | 255)))
        let notEcho = ingressToDB("protocol: ICMP\nnotICMP:\n  type: 8")
        XCTAssertEqual(notEcho.allowed("prod/web", "prod/db"),
                       ConnectionSet(.icmp).subtracting(ConnectionSet(.icmp, ports: IntervalSet(8 << 8, 8 << 8 | 255))))
    }

    func testDestinationEntityOfIngressRuleConstrainsTheSelectedEndpoint() {
        let f = ingressToDB("destination:\n  selector: app == 'other'")
        XCTAssertEqual(f.allowed("prod/web", "prod/db"), .none)
    }

    func testCriteriaAreAnded() {
        let f = ingressToDB("protocol: TCP\nsource:\n  selector: app == 'web'\n  namespaceSelector: env == 'dev'\ndestination:\n  ports: [80]")
        XCTAssertEqual(f.allowed("dev/tool", "prod/db"), .tcp(80))
        XCTAssertEqual(f.allowed("prod/web", "prod/db"), .none)
    }
}
