import ArgumentParser
import Foundation
import NetPolicy
import PalisadeCore

/// `palisade netpol generate`: least-privilege policies from declared or
/// observed connections.
struct NetpolGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Least-privilege NetworkPolicies (or Calico policies) allowing exactly the given connections.",
        discussion: """
        --connections reads a YAML/JSON list of {from, to, port} entries (ns/workload, IP or
        CIDR; tcp/80, udp/53, tcp/8000-8080, all), or the output of `palisade netpol analyze`
        (-o json or txt) as observed connections. The manifests (or --cluster) give the
        workloads' pod labels. Every workload of the input gets one policy isolating both
        directions (--only-declared: only workloads named in a connection).

        Exit status: 0 policies written; 2 bad options, unreadable input or a connection
        naming an unknown workload.
        """
    )

    @OptionGroup var input: NetpolInputOptions

    @Option(name: .long, help: ArgumentHelp("A connections file (YAML, JSON, or analyze txt output); repeatable.", valueName: "FILE"))
    var connections: [String] = []

    @Flag(name: .long, help: "Write projectcalico.org/v3 NetworkPolicies instead of Kubernetes NetworkPolicies.")
    var calico = false

    @Flag(name: .long, help: "Only workloads named in some connection get a policy.")
    var onlyDeclared = false

    @Option(name: .long, help: ArgumentHelp("Prefix of generated policy names.", valueName: "TEXT"))
    var namePrefix = "palisade-allow-"

    func run() throws {
        var problems = input.problems()
        if connections.isEmpty { problems.append("give --connections FILE (declared connections or analyze output)") }
        try checkUsage(problems, command: "generate")
        let declared = try readConnections()
        let loaded = try NetpolInput.load(input, command: "generate")
        let plan = ConnectionPlan(declared, topology: loaded.topology, onlyDeclared: onlyDeclared)
        for problem in plan.problems { printError("error: \(problem)") }
        let result = calico
            ? CalicoPolicySynthesizer(topology: loaded.topology, namePrefix: namePrefix).policies(for: plan)
            : NetworkPolicySynthesizer(topology: loaded.topology, namePrefix: namePrefix).policies(for: plan)
        for warning in result.warnings { printError("warning: \(warning)") }
        if result.policies.isEmpty { printError("palisade netpol generate: the input has no workloads to write policies for") }
        writeOutput(YAMLNode.stream(result.policies))
        if loaded.unreadable || !plan.problems.isEmpty { throw NetpolExit.unusable }
    }

    private func readConnections() throws -> [DeclaredConnection] {
        var result: [DeclaredConnection] = []
        for file in connections {
            do {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                result += try ConnectionFile.parse(text, file: file)
            } catch let error as InputError {
                printError("error: \(error)")
                throw NetpolExit.unusable
            } catch {
                printError("error: \(file): cannot read: \(error.localizedDescription)")
                throw NetpolExit.unusable
            }
        }
        return result
    }
}
