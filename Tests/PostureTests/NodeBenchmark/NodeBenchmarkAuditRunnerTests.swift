import XCTest
@testable import Posture

final class NodeBenchmarkAuditRunnerTests: XCTestCase {
    func testShellOnlyForShellSyntax() {
        XCTAssertEqual(BenchCommandRunner.invocation(for: "stat -c %a /etc/x"), ["stat", "-c", "%a", "/etc/x"])
        XCTAssertEqual(BenchCommandRunner.invocation(for: "ps -ef | grep kubelet"), ["/bin/sh", "-c", "ps -ef | grep kubelet"])
        XCTAssertEqual(BenchCommandRunner.invocation(for: "echo $HOME"), ["/bin/sh", "-c", "echo $HOME"])
        XCTAssertEqual(BenchCommandRunner.invocation(for: "A=1 env"), ["/bin/sh", "-c", "A=1 env"])
    }

    func testOutputStatusAndErrors() {
        let runner = BenchCommandRunner(timeoutSeconds: 10)
        XCTAssertEqual(runner.run("echo hello").output, "hello\n")
        XCTAssertNil(runner.run("echo hello").error)
        XCTAssertEqual(runner.run("/bin/sh -c 'echo err >&2'").output, "err\n", "stderr is merged")
        let failed = runner.run("/bin/sh -c 'echo out; exit 3'")
        XCTAssertEqual(failed.status, 3)
        XCTAssertTrue(failed.error?.contains("exit status 3") ?? false)
        XCTAssertEqual(runner.run("no-such-program-palisade").status, 127)
        XCTAssertEqual(runner.run("   ").output, "")
    }

    func testTimeLimitAndOutputCap() {
        let slow = BenchCommandRunner(timeoutSeconds: 0.5).run("/bin/sh -c 'sleep 5 | cat'")
        XCTAssertTrue(slow.error?.contains("timed out") ?? false)
        let capped = BenchCommandRunner(timeoutSeconds: 10, maxOutputBytes: 100).run("/bin/sh -c 'head -c 100000 /dev/zero | tr \"\\\\0\" x'")
        XCTAssertEqual(capped.output.utf8.count, 100)
    }
}
