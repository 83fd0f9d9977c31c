import XCTest
import PalisadeCore
@testable import Posture

final class NodeBenchmarkDecodingTests: XCTestCase {
    func testScalarsKeepTheirText() throws {
        let controls = try BenchControlsDecoder.decode("""
        id: 1
        version: x
        text: t
        type: policies
        groups:
          - id: 1.10
            checks:
              - id: 1.10.1
                tests:
                  test_items:
                    - flag: can
                      compare: {op: eq, value: no}
                    - flag: port
                      set: false
                scored: yes
        """, file: "p.yaml")
        let check = try XCTUnwrap(controls.checks.first)
        XCTAssertEqual(controls.groups[0].id, "1.10")
        XCTAssertEqual(check.tests?.items[0].compare.value, "no")
        XCTAssertEqual(check.tests?.items[0].set, true, "set defaults to true")
        XCTAssertEqual(check.tests?.items[1].set, false)
        XCTAssertTrue(check.scored)
    }

    func testErrorsNameFileAndLine() {
        XCTAssertThrowsError(try BenchControlsDecoder.decode("type: node\ngroups:\n  - id: 1\n    checks:\n      - id: 2\n        scored: maybe\n", file: "n.yaml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("n.yaml:6:"), "\(error)")
        }
        XCTAssertThrowsError(try BenchControlsDecoder.decode("groups: [\n", file: "bad.yaml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad.yaml:"), "\(error)")
        }
        XCTAssertThrowsError(try BenchControlsDecoder.decode("type: master\n", file: "m.yaml", target: "node"))
    }

    func testConfigMergeAndVersionFallback() throws {
        let base = BenchConfig(root: try BenchYAMLNode.parse("Node:\n  components: [a]\n  a: {bins: [x]}\nversion_mapping: {\"1.20\": b}\n", file: "c"))
        let overlay = try BenchYAMLNode.parse("node:\n  a: {bins: [y]}\n", file: "o")
        let merged = BenchConfig(root: BenchConfig.merge(base.root, BenchConfig.lowercasingKeys(overlay)))
        XCTAssertEqual(try merged.section("node")?["a"]?.benchStrings("bins"), ["y"])
        XCTAssertEqual(try merged.section("node")?.benchStrings("components"), ["a"])
        XCTAssertEqual(try merged.benchmark(forKubernetesVersion: "1.25"), "b")
        XCTAssertThrowsError(try merged.benchmark(forKubernetesVersion: "1.19"))
    }

    func testSubstitutionQuotesMultiWordValues() {
        var discovery = BenchDiscovery()
        discovery.binaries = ["kubelet": "hyperkube kubelet"]
        discovery.files = ["conf": ["kubelet": "/var/lib/kubelet/config.yaml"]]
        let (text, bins) = discovery.substitute("ps -C $kubeletbin; cat $kubeletconf $kubeletsvc")
        XCTAssertEqual(text, "ps -C 'hyperkube kubelet'; cat /var/lib/kubelet/config.yaml $kubeletsvc")
        XCTAssertEqual(bins, ["hyperkube kubelet"])
    }

    func testProcessDiscoveryMatchesFirstWordWithPath() {
        let host = BenchHost(processes: BenchStaticProcessList(["/usr/local/bin/kube-apiserver --secure-port=6443", "apiserver-proxy"]))
        XCTAssertTrue(BenchDiscovery.isRunning("kube-apiserver", on: host))
        XCTAssertFalse(BenchDiscovery.isRunning("apiserver", on: host))
        XCTAssertFalse(BenchDiscovery.isRunning("hyperkube apiserver", on: host))
    }
}
