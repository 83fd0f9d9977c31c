import XCTest
@testable import Posture

final class NodeBenchmarkTestItemTests: XCTestCase {
    private func flag(_ f: String, _ op: String = "", _ v: String = "", set: Bool = true) -> BenchTestItem {
        BenchTestItem(flag: f, set: set, compare: BenchCompare(op: op, value: v))
    }

    func testFlagForms() {
        let eq = flag("--anonymous-auth", "eq", "false")
        XCTAssertTrue(eq.execute("kube-apiserver --anonymous-auth=false", source: .command, multipleValues: false).passed)
        XCTAssertFalse(eq.execute("kube-apiserver --anonymous-auth=true", source: .command, multipleValues: false).passed)
        XCTAssertTrue(flag("--anonymous-auth", "eq", "true").execute("x --anonymous-auth --y", source: .command, multipleValues: false).passed)
        XCTAssertTrue(flag("--port", "eq", "0").execute("x --port 0 --y", source: .command, multipleValues: false).passed)
        XCTAssertTrue(flag("some-arg", "eq", "v").execute("x some-arg: v", source: .command, multipleValues: false).passed)
        XCTAssertTrue(flag("root:root").execute("root:root", source: .command, multipleValues: false).passed)
    }

    func testAbsentFlag() {
        let unset = flag("--token-auth-file", set: false)
        let outcome = unset.execute("kube-apiserver --x=1", source: .command, multipleValues: false)
        XCTAssertTrue(outcome.passed)
        XCTAssertEqual(outcome.expected, "'--token-auth-file' is not present")
        XCTAssertFalse(unset.execute("kube-apiserver --token-auth-file=/t", source: .command, multipleValues: false).passed)
    }

    func testMultipleValuesNeedEveryLine() {
        let mode = flag("permissions", "bitmask", "600")
        XCTAssertTrue(mode.execute("permissions=600\npermissions=400\n", source: .command, multipleValues: true).passed)
        XCTAssertFalse(mode.execute("permissions=600\npermissions=644", source: .command, multipleValues: true).passed)
        XCTAssertFalse(mode.execute("permissions=600\n\npermissions=600", source: .command, multipleValues: true).passed)
    }

    func testPathInJSONAndYAML() {
        let item = BenchTestItem(path: "{.authentication.anonymous.enabled}", compare: BenchCompare(op: "eq", value: "false"))
        XCTAssertTrue(item.execute("{\"authentication\":{\"anonymous\":{\"enabled\":false}}}", source: .config, multipleValues: false).passed)
        XCTAssertTrue(item.execute("authentication:\n  anonymous:\n    enabled: false\n", source: .config, multipleValues: false).passed)
        let missing = BenchTestItem(path: "{.readOnlyPort}", set: false)
        XCTAssertTrue(missing.execute("port: 1", source: .config, multipleValues: false).passed)
        let broken = BenchTestItem(path: "{.a", set: true)
        XCTAssertFalse(broken.execute("a: 1", source: .config, multipleValues: false).passed)
    }

    func testEnvLookup() {
        let item = BenchTestItem(env: "ETCD_AUTO_TLS", compare: BenchCompare(op: "eq", value: "false"))
        XCTAssertTrue(item.execute("A=1\nETCD_AUTO_TLS=false\nB=2", source: .env, multipleValues: false).passed)
        XCTAssertFalse(item.execute("A=1", source: .env, multipleValues: false).found)
    }

    func testCheckFallsBackFromAuditToConfigAndCombines() {
        let items = [BenchTestItem(flag: "--read-only-port", path: "{.readOnlyPort}", compare: BenchCompare(op: "eq", value: "0")),
                     BenchTestItem(flag: "--read-only-port", path: "{.readOnlyPort}", set: false)]
        var check = BenchCheck(id: "4.2.4", audit: "a", auditConfig: "c", tests: BenchTests(items: items, binOp: "or"), scored: true)
        XCTAssertTrue(check.execute(BenchAuditOutputs(audit: "kubelet", auditConfig: "readOnlyPort: 0")).outcome.passed)
        XCTAssertFalse(check.execute(BenchAuditOutputs(audit: "kubelet", auditConfig: "readOnlyPort: 10255")).outcome.passed)
        XCTAssertFalse(check.execute(BenchAuditOutputs(audit: "kubelet --read-only-port=1", auditConfig: "readOnlyPort: 0")).outcome.passed,
                       "the command line wins over the config file")
        check.tests?.binOp = "xor"
        XCTAssertNotNil(check.execute(BenchAuditOutputs(audit: "x")).error)
    }
}
