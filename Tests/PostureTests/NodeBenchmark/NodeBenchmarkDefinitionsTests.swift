import XCTest
@testable import Posture

final class NodeBenchmarkDefinitionsTests: XCTestCase {
    private let fakeHost = BenchHost(root: "/nonexistent-node-root", processes: BenchStaticProcessList([]))

    func testOwnDefinitionsLoadForEveryTarget() throws {
        let dir = try XCTUnwrap(NodeBenchmarkDefinitions.defaultDirectory(executable: nil))
        let config = try BenchConfig.load(directory: dir)
        XCTAssertEqual(try config.benchmark(forKubernetesVersion: "1.35"), "cis-1.12")
        let runner = NodeBenchmarkRunner(host: fakeHost)
        var count = 0
        for (benchmark, targets) in try config.targetMapping() {
            let bdir = (dir as NSString).appendingPathComponent(benchmark)
            let merged = try config.merging(directory: bdir)
            for target in targets {
                let controls = try runner.loadControls(target: target, directory: bdir, config: merged).controls
                XCTAssertEqual(controls.nodeType, target)
                for check in controls.checks {
                    XCTAssertFalse(check.text.isEmpty, "\(check.id) has a title")
                    XCTAssertFalse(check.remediation.isEmpty, "\(check.id) has a remediation")
                    count += 1
                }
            }
        }
        XCTAssertGreaterThan(count, 120)
    }

    func testOwnNodeChecksOnAFakeWorker() throws {
        let fixture = try NodeBenchmarkFixture()
        defer { fixture.remove() }
        try fixture.write("node/var/lib/kubelet/config.yaml", """
        authentication:
          anonymous:
            enabled: false
          x509:
            clientCAFile: /etc/kubernetes/pki/ca.crt
        authorization:
          mode: Webhook
        readOnlyPort: 0
        """, mode: 0o600)
        let dir = try XCTUnwrap(NodeBenchmarkDefinitions.defaultDirectory(executable: nil))
        let processes = BenchStaticProcessList(["/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --protect-kernel-defaults=true"])
        let runner = NodeBenchmarkRunner(host: BenchHost(root: fixture.nodeRoot, processes: processes),
                                         auditRunner: NodeBenchmarkFakePS(processes: processes))
        let options = BenchRunOptions(configDirectory: dir, benchmark: "cis-1.12", targets: ["node"],
                                      filter: BenchFilter(checkIDs: ["4.1.9", "4.2.1", "4.2.2", "4.2.3", "4.2.4"]))
        let run = try runner.run(options)
        let states = Dictionary(uniqueKeysWithValues: run.controls.flatMap { $0.groups.flatMap(\.results) }.map { ($0.check.id, $0.state) })
        XCTAssertEqual(states["4.1.9"], .pass, "config file mode 600")
        XCTAssertEqual(states["4.2.1"], .pass, "anonymous auth disabled in the config file")
        XCTAssertEqual(states["4.2.2"], .pass, "authorization mode is not AlwaysAllow")
        XCTAssertEqual(states["4.2.3"], .pass, "client CA file set")
        XCTAssertEqual(states["4.2.4"], .pass, "read-only port 0")
    }
}

final class NodeBenchmarkKubeBenchCfgTests: XCTestCase {
    func testUpstreamCIS112Loads() throws {
        let cfg = SharedCorpus.root + "/conformance/kube-bench/cfg"
        guard FileManager.default.fileExists(atPath: cfg) else { throw XCTSkip("kube-bench data not present at \(cfg)") }
        let config = try BenchConfig.load(directory: cfg)
        XCTAssertEqual(try config.benchmark(forKubernetesVersion: "1.33"), "cis-1.12")
        XCTAssertEqual(try config.benchmark(forKubernetesVersion: "1.28"), "cis-1.10")
        let dir = cfg + "/cis-1.12"
        let merged = try config.merging(directory: dir)
        let runner = NodeBenchmarkRunner(host: BenchHost(root: "/nonexistent", processes: BenchStaticProcessList([])))
        var total = 0
        for target in ["master", "node", "etcd", "controlplane", "policies"] {
            total += try runner.loadControls(target: target, directory: dir, config: merged).controls.checks.count
        }
        XCTAssertEqual(total, 131)
        let node = try runner.loadControls(target: "node", directory: dir, config: merged).controls
        let versionCheck = try XCTUnwrap(node.checks.first { $0.id == "4.1.1" })
        XCTAssertTrue(versionCheck.audit.contains("/nonexistent/etc/systemd/system/kubelet.service.d/10-kubeadm.conf"))
    }
}

final class NodeBenchmarkKubeBenchRunTests: XCTestCase {
    func testUpstreamNodeChecksRunOnAFakeWorker() throws {
        let cfg = SharedCorpus.root + "/conformance/kube-bench/cfg"
        guard FileManager.default.fileExists(atPath: cfg) else { throw XCTSkip("kube-bench data not present at \(cfg)") }
        let fixture = try NodeBenchmarkFixture()
        defer { fixture.remove() }
        try fixture.write("node/var/lib/kubelet/config.yaml", "authentication:\n  anonymous:\n    enabled: true\nreadOnlyPort: 0\n", mode: 0o644)
        let processes = BenchStaticProcessList(["/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml"])
        let runner = NodeBenchmarkRunner(host: BenchHost(root: fixture.nodeRoot, processes: processes),
                                         auditRunner: NodeBenchmarkFakePS(processes: processes))
        let run = try runner.run(BenchRunOptions(configDirectory: cfg, kubernetesVersion: "1.33", targets: ["node"],
                                                 filter: BenchFilter(checkIDs: ["4.1.9", "4.2.1", "4.2.4"])))
        XCTAssertEqual(run.benchmark, "cis-1.12")
        let states = Dictionary(uniqueKeysWithValues: run.controls.flatMap { $0.groups.flatMap(\.results) }.map { ($0.check.id, $0.state) })
        XCTAssertEqual(states, ["4.1.9": .fail, "4.2.1": .fail, "4.2.4": .pass])
    }
}
