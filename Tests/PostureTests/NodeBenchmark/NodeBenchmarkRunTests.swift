import XCTest
import PalisadeCore
@testable import Posture

final class NodeBenchmarkRunTests: XCTestCase {
    private var fixture: NodeBenchmarkFixture!

    override func setUpWithError() throws { fixture = try NodeBenchmarkFixture() }
    override func tearDown() { fixture.remove() }

    private func runner(_ processes: [String]) -> NodeBenchmarkRunner {
        NodeBenchmarkRunner(host: BenchHost(root: fixture.nodeRoot, processes: BenchStaticProcessList(processes)),
                            auditRunner: BenchCommandRunner(timeoutSeconds: 10))
    }

    private func states(_ run: BenchRun) -> [String: BenchState] {
        Dictionary(uniqueKeysWithValues: run.controls.flatMap { $0.groups.flatMap(\.results) }.map { ($0.check.id, $0.state) })
    }

    func testSecureNodePassesAndStatesFollowTypeAndScore() throws {
        try fixture.makeCfg(kubeletConfig: "authentication:\n  anonymous:\n    enabled: false\nreadOnlyPort: 0\n", mode: 0o600)
        let run = try runner(["/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml"])
            .run(BenchRunOptions(configDirectory: fixture.cfg, benchmark: "test-1.0", targets: ["node"]))
        let s = states(run)
        XCTAssertEqual(s["4.1.1"], .pass)
        XCTAssertEqual(s["4.2.1"], .pass)
        XCTAssertEqual(s["4.2.2"], .pass)
        XCTAssertEqual(s["4.2.3"], .warn)
        XCTAssertEqual(s["4.2.4"], .info)
        XCTAssertEqual(s["4.2.5"], .fail)
        XCTAssertEqual(run.totals, BenchSummary(pass: 3, fail: 1, warn: 2, info: 1))
        let results = run.controls[0].groups.flatMap(\.results)
        let audit = try XCTUnwrap(results.first { $0.check.id == "4.1.1" }).check.audit
        XCTAssertTrue(audit.contains(fixture.nodeRoot + "/var/lib/kubelet/config.yaml"), "paths are found under the node root")
        XCTAssertEqual(results.first { $0.check.id == "4.2.1" }?.outputs.audit, "kubelet\n", "$kubeletbin is the running binary")
        XCTAssertTrue(results.first { $0.check.id == "4.2.6" }?.check.auditEnv.contains("/bin/ps -C kubelet -o pid=") ?? false)
        XCTAssertFalse(results.first { $0.check.id == "4.2.5" }?.reason.isEmpty ?? true)
    }

    func testInsecureNodeFailsScoredAndWarnsUnscored() throws {
        try fixture.makeCfg(kubeletConfig: "authentication:\n  anonymous:\n    enabled: true\nreadOnlyPort: 10255\n", mode: 0o644)
        let run = try runner(["kubelet --anonymous-auth=true"])
            .run(BenchRunOptions(configDirectory: fixture.cfg, kubernetesVersion: "1.31", targets: ["node"]))
        XCTAssertEqual(run.benchmark, "test-1.0", "1.31 falls back to the 1.30 mapping")
        let s = states(run)
        XCTAssertEqual(s["4.1.1"], .fail)
        XCTAssertEqual(s["4.2.1"], .fail)
        XCTAssertEqual(s["4.2.2"], .warn)
    }

    func testMissingMandatoryComponentIsReportedAndBinariesStayUnsubstituted() throws {
        try fixture.makeCfg(kubeletConfig: "readOnlyPort: 0\n", mode: 0o600)
        let run = try runner([]).run(BenchRunOptions(configDirectory: fixture.cfg, benchmark: "test-1.0", targets: ["node"]))
        XCTAssertEqual(run.notes, ["node: no running program found for component \"kubelet\""])
        let check = run.controls[0].groups.flatMap(\.results).first { $0.check.id == "4.2.1" }
        XCTAssertEqual(check?.check.audit, "echo $kubeletbin")
    }

    func testTargetsAndVersionsAreValidated() throws {
        try fixture.makeCfg(kubeletConfig: "{}", mode: 0o600)
        let r = runner(["kubelet"])
        XCTAssertThrowsError(try r.run(BenchRunOptions(configDirectory: fixture.cfg, benchmark: "test-1.0", targets: ["etcd"])))
        XCTAssertThrowsError(try r.run(BenchRunOptions(configDirectory: fixture.cfg, kubernetesVersion: "1.29")))
        XCTAssertThrowsError(try r.run(BenchRunOptions(configDirectory: fixture.cfg, benchmark: "test-1.0", kubernetesVersion: "1.30")))
        // No targets: node always; master only when its programs run (and its file exists).
        let run = try r.run(BenchRunOptions(configDirectory: fixture.cfg, benchmark: "test-1.0"))
        XCTAssertEqual(run.controls.map(\.controls.nodeType), ["node"])
    }

    func testFiltersSkipAndSelectChecks() throws {
        try fixture.makeCfg(kubeletConfig: "readOnlyPort: 0\n", mode: 0o600)
        let filter = BenchFilter(checkIDs: ["4.1.1", "4.2.2"], skipIDs: ["4.1"])
        let run = try runner(["kubelet"]).run(BenchRunOptions(configDirectory: fixture.cfg, benchmark: "test-1.0", targets: ["node"], filter: filter))
        XCTAssertEqual(states(run), ["4.1.1": .info, "4.2.2": .pass])
    }

    func testJSONAndJUnitOutput() throws {
        try fixture.makeCfg(kubeletConfig: "readOnlyPort: 0\n", mode: 0o644)
        let run = try runner(["kubelet"]).run(BenchRunOptions(configDirectory: fixture.cfg, benchmark: "test-1.0", targets: ["node"]))
        let json = BenchJSONReport.render(run)
        let value = try JSONReader.decode(json)
        let controls = try XCTUnwrap(value["Controls"]?.arrayValue?.first)
        XCTAssertEqual(controls["node_type"], .string("node"))
        let first = try XCTUnwrap(controls["tests"]?.arrayValue?.first?["results"]?.arrayValue?.first)
        XCTAssertEqual(first["test_number"], .string("4.1.1"))
        XCTAssertEqual(first["status"], .string("FAIL"))
        XCTAssertEqual(value["Totals"]?["total_fail"], .int(run.totals.fail))
        XCTAssertTrue(json.hasPrefix("{\"Controls\":[{\"id\":\"4\",\"version\":\"test-1.0\""))
        XCTAssertTrue(BenchJSONReport.render(run, totals: false).hasPrefix("[{\"id\":\"4\""))
        let junit = BenchJUnitReport.render(run)
        XCTAssertTrue(junit.contains("<testsuite name=\"Worker Node\" tests=\"\(run.totals.total)\" failures=\"\(run.totals.fail)\""))
        XCTAssertTrue(junit.contains("<testcase name=\"4.1.1 kubelet config mode\" classname=\"Files\""))
        XCTAssertTrue(junit.contains("<failure message=\"chmod 600 "))
        XCTAssertTrue(junit.contains("<skipped></skipped>"))
        let text = BenchTextReport.render(run)
        XCTAssertTrue(text.contains("[FAIL] 4.1.1 kubelet config mode\n"))
        XCTAssertTrue(text.contains("== Summary total ==\n"))
    }
}
