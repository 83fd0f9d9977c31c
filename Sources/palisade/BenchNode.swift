import ArgumentParser
import Foundation
import Posture

/// `palisade bench node`: CIS Kubernetes Benchmark checks of this node, from
/// kube-bench format definitions (Palisade's own, or any kube-bench `cfg`).
struct BenchNode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Check this node against the CIS Kubernetes Benchmark (kube-bench compatible).",
        discussion: """
        Runs benchmark definitions in kube-bench's YAML format: finds the running
        components and their files, runs each check's audit commands (time-limited)
        and reports PASS, FAIL, WARN or INFO with remediation.
        Exit status: 0 ran, 1 some check failed and --exit-code is set, 2 unusable input.
        """
    )

    @Option(name: .customLong("config-dir"), help: "A kube-bench style cfg directory (default: Palisade's own definitions).")
    var configDir: String?

    @Option(help: "Benchmark to run, e.g. cis-1.12 (a directory of the config dir).")
    var benchmark: String?

    @Option(help: "Kubernetes version, e.g. 1.31, mapped to a benchmark (default: detected from kubelet).")
    var version: String?

    @Option(help: "Comma-separated targets: master, node, etcd, controlplane, policies, managedservices.")
    var targets: String?

    @Option(help: "Comma-separated check ids to run.")
    var check: String?

    @Option(help: "Comma-separated check or group ids to report as INFO without running.")
    var skip: String?

    @Option(name: .customLong("node-root"), help: "Where the node's root file system is mounted (default /).")
    var nodeRoot: String = "/"

    @Option(help: "Time limit per audit command, in seconds.")
    var timeout: Double = 30

    @Flag(help: "Print kube-bench JSON.")
    var json = false

    @Flag(help: "Print kube-bench JUnit XML.")
    var junit = false

    @Flag(name: .customLong("nototals"), help: "JSON without totals (a bare array of controls).")
    var noTotals = false

    @Option(name: .customLong("exit-code"), help: "Exit status when a check fails.")
    var exitCode: Int32 = 0

    func validate() throws {
        if json && junit { throw ValidationError("--json and --junit cannot be used together") }
        if timeout <= 0 { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        guard let directory = configDir ?? NodeBenchmarkDefinitions.defaultDirectory() else {
            printError("palisade bench node: no benchmark definitions found; pass --config-dir")
            throw ExitCode(2)
        }
        let runner = NodeBenchmarkRunner(host: BenchHost(root: nodeRoot), auditRunner: BenchCommandRunner(timeoutSeconds: timeout))
        let options = BenchRunOptions(configDirectory: directory, benchmark: benchmark, kubernetesVersion: version,
                                      targets: Self.list(targets), filter: BenchFilter(checkIDs: Set(Self.list(check)), skipIDs: Set(Self.list(skip))))
        let result: BenchRun
        do { result = try runner.run(options) } catch {
            printError("palisade bench node: \(error)")
            throw ExitCode(2)
        }
        for note in result.notes { printError("palisade bench node: \(note)") }
        if json {
            print(BenchJSONReport.render(result, totals: !noTotals))
        } else if junit {
            print(BenchJUnitReport.render(result))
        } else {
            print(BenchTextReport.render(result), terminator: "")
        }
        if exitCode != 0 && result.totals.fail > 0 { throw ExitCode(exitCode) }
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
