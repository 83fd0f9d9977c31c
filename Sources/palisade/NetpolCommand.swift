import ArgumentParser
import Foundation
import Kube
import NetPolicy
import PalisadeCore

/// `palisade netpol`: connectivity analysis, queries, findings and policy
/// generation for Kubernetes, Calico and admin network policies.
struct NetpolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netpol",
        abstract: "Network policy analysis: who can talk to whom, why, the gaps, and the policies that close them (docs/netpol.md).",
        subcommands: [NetpolAnalyze.self, NetpolQuery.self, NetpolDiff.self, NetpolLint.self, NetpolGenerate.self, NetpolIsolate.self]
    )
}

/// Exit codes of the netpol commands.
enum NetpolExit {
    /// A query's connection is denied; `lint` found problems at or above the threshold.
    static let denied = ExitCode(1)
    /// Unreadable input or bad options.
    static let unusable = ExitCode(2)
}

/// Where the objects come from: manifests and/or a live cluster.
struct NetpolInputOptions: ParsableArguments {
    @Argument(help: "Manifest files or directories (.yaml, .yml, .json, recursively); - reads standard input.")
    var paths: [String] = []

    @Flag(name: .long, help: "Read the live cluster (read-only) instead of, or besides, manifests.")
    var cluster = false

    @Option(name: .long, help: ArgumentHelp("Kubeconfig file for --cluster.", valueName: "FILE"))
    var kubeconfig: String?

    @Option(name: .long, help: ArgumentHelp("Kubeconfig context for --cluster.", valueName: "NAME"))
    var context: String?

    @Option(name: .long, help: ArgumentHelp("Timeout of each API request of --cluster, in seconds.", valueName: "S"))
    var requestTimeout: Double = 30

    var sources: NetpolSources {
        NetpolSources(paths: paths, cluster: cluster, kubeconfig: kubeconfig, context: context, requestTimeout: requestTimeout)
    }

    func problems(requireInput: Bool = true) -> [String] { sources.problems(requireInput: requireInput) }
}

/// The input options as plain values (ArgumentParser's wrappers cannot be built by hand).
struct NetpolSources {
    var paths: [String]
    var cluster = false
    var kubeconfig: String?
    var context: String?
    var requestTimeout: Double = 30

    func problems(requireInput: Bool = true) -> [String] {
        var problems: [String] = []
        if requireInput && paths.isEmpty && !cluster { problems.append("give at least one manifest file, directory or - for stdin, or --cluster") }
        if !cluster && (kubeconfig != nil || context != nil) { problems.append("--kubeconfig and --context need --cluster") }
        if !(requestTimeout > 0) { problems.append("--request-timeout must be a positive number of seconds") }
        return problems
    }
}

/// The loaded input: the topology, and whether some input could not be read.
struct NetpolInput {
    var topology: Topology
    var objects: [KubeObject]
    var unreadable: Bool

    /// Loads manifests and the cluster, reports unreadable inputs, notices,
    /// topology warnings and rejected policies on stderr.
    static func load(_ options: NetpolInputOptions, command: String) throws -> NetpolInput {
        try load(options.sources, command: command)
    }

    static func load(_ options: NetpolSources, command: String) throws -> NetpolInput {
        var objects: [KubeObject] = []
        var unreadable = false
        if !options.paths.isEmpty {
            let set = ManifestLoader().load(paths: options.paths)
            for notice in set.notices { printError("notice: \(notice)") }
            for error in set.errors { printError("error: \(error)") }
            unreadable = !set.errors.isEmpty
            objects += set.objects
        }
        if options.cluster {
            do {
                let live = try ClusterInput(kubeconfig: options.kubeconfig, context: options.context,
                                            requestTimeout: options.requestTimeout).read()
                for notice in live.notices { printError("notice: \(notice)") }
                objects += live.objects
            } catch {
                printError("palisade netpol \(command): cannot read the cluster: \(error)")
                throw NetpolExit.unusable
            }
        }
        let topology = TopologyBuilder().build(objects)
        for warning in topology.warnings { printError("warning: \(warning)") }
        for rejected in topology.model.rejected {
            printError("error: \(rejected.reason) (topology.model.rejected: \(rejected.ref) left out of the analysis)")
        }
        return NetpolInput(topology: topology, objects: objects, unreadable: unreadable)
    }

    /// One line naming the policies left out, for reports that can carry a note.
    var rejectedNote: String? {
        let rejected = topology.model.rejected
        guard !rejected.isEmpty else { return nil }
        let names = rejected.map { "\($0.ref)" + ($0.ref.origin.map { " (\($0))" } ?? "") }
        return "\(rejected.count) invalid polic\(rejected.count == 1 ? "y was" : "ies were") left out of the analysis: " + names.joined(separator: ", ")
    }
}

/// Writes command output to stdout with a final newline.
func writeOutput(_ text: String) {
    let line = text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
    FileHandle.standardOutput.write(Data(line.utf8))
}

/// Reports usage problems and exits 2 when there are any.
func checkUsage(_ problems: [String], command: String) throws {
    guard problems.isEmpty else {
        for problem in problems { printError("palisade netpol \(command): \(problem)") }
        throw NetpolExit.unusable
    }
}
