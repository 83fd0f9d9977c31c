import ArgumentParser

struct Palisade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "palisade",
        abstract: "Kubernetes runtime security: policy, posture, network, detection and images in one tool.",
        version: "0.1.0",
        subcommands: [PolicyCommand.self, ScanCommand.self, NetpolCommand.self, DetectCommand.self, BenchCommand.self]
    )
}

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "CIS Kubernetes Benchmark checks of a node, from kube-bench definition YAML.",
        subcommands: [BenchNode.self, DetectEngineBench.self, DetectWebhookBench.self]
    )
}

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Evaluate Rego, run Rego unit tests, check manifests, verify Gatekeeper suites.",
        discussion: """
        Palisade's Rego engine is compatible with Open Policy Agent. These
        commands are modelled on `opa eval`, `opa test`, `conftest test` and
        `gator verify`.
        """,
        subcommands: [PolicyEval.self, PolicyTest.self, PolicyCheck.self, PolicyVerify.self, PolicyBench.self]
    )
}

/// Exit codes shared by the policy commands.
enum PolicyExit {
    /// The policy ran and reported failures (or `--fail` conditions held).
    static let failed = ExitCode(1)
    /// The command could not run: bad files, bad flags, compile errors.
    static let unusable = ExitCode(2)
}
