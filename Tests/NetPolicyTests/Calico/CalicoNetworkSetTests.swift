import XCTest
@testable import NetPolicy

/// NetworkSet and GlobalNetworkSet: labelled address ranges that rule selectors match.
final class CalicoNetworkSetTests: XCTestCase {
    private let base = CalicoYAML.pod("api", namespace: "shop", labels: ["app": "api"]) + """
    apiVersion: projectcalico.org/v3
    kind: NetworkSet
    metadata:
      name: partners
      namespace: shop
      labels:
        role: partner
    spec:
      nets: [203.0.113.0/24]
    ---
    apiVersion: projectcalico.org/v3
    kind: GlobalNetworkSet
    metadata:
      name: scanners
      labels:
        role: scanner
    spec:
      nets: [198.51.100.0/24]
    ---

    """

    private func policy(_ source: String) -> CalicoFixture {
        CalicoFixture(base + """
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: p
          namespace: shop
        spec:
          selector: app == 'api'
          ingress:
            - action: Allow
              source:
        \(source)

        """)
    }

    func testSelectorMatchesNetworkSetAddressesOfTheOwnNamespace() {
        let f = policy("          selector: role == 'partner'")
        XCTAssertEqual(f.allowed("203.0.113.7", "shop/api"), .allProtocols)
        XCTAssertEqual(f.allowed("203.0.114.1", "shop/api"), .none)
        XCTAssertEqual(f.allowed("198.51.100.1", "shop/api"), .none, "a global set is outside the namespace")
    }

    func testNetworkSetNetsCutTheExternalSpace() {
        let f = policy("          selector: role == 'partner'")
        let ranges = f.topology.externals.map(\.name)
        XCTAssertTrue(ranges.contains("203.0.113.0-203.0.113.255"), "\(ranges)")
    }

    func testGlobalNamespaceSelectorReachesGlobalNetworkSets() {
        let f = policy("          selector: role == 'scanner'\n          namespaceSelector: global()")
        XCTAssertEqual(f.allowed("198.51.100.1", "shop/api"), .allProtocols)
        XCTAssertEqual(f.allowed("203.0.113.7", "shop/api"), .none)
    }

    func testNotSelectorExcludesNetworkSetAddresses() {
        let f = CalicoFixture(base + """
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: no-scanners
        spec:
          selector: app == 'api'
          ingress:
            - action: Allow
              source:
                notSelector: role == 'scanner'

        """)
        XCTAssertEqual(f.allowed("198.51.100.1", "shop/api"), .none)
        XCTAssertEqual(f.allowed("8.8.8.8", "shop/api"), .allProtocols)
    }
}
