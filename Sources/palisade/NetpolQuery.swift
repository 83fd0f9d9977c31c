import ArgumentParser
import NetPolicy
import PalisadeCore

/// `palisade netpol query`: the verdict for one connection and the rules
/// that decided it, egress at the source then ingress at the destination.
struct NetpolQuery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Is a connection allowed, and which policy rules decided it, in order of evaluation.",
        discussion: """
        --from and --to name a workload (ns/name, ns/name[Kind]) or an address (IP or
        CIDR outside the cluster; a pod IP known from the input names its workload).

        Exit status: 0 allowed (some of the asked connections, for every pair); 1 denied;
        2 bad options, unknown endpoints or unreadable input.
        """
    )

    @OptionGroup var input: NetpolInputOptions

    @Option(name: .long, help: ArgumentHelp("The client: ns/workload, an IP or a CIDR.", valueName: "PEER"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The server: ns/workload, an IP or a CIDR.", valueName: "PEER"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("The connection: tcp/80, udp/53, tcp/8000-8080 (default: every connection).", valueName: "PROTO/PORT"))
    var port: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Format: txt or json.")
    var format = "txt"

    func run() throws {
        var problems = input.problems()
        let source = ConnectionPeer(parsing: from), destination = ConnectionPeer(parsing: to)
        if source == nil { problems.append("--from '\(from)' is not ns/workload, an IP or a CIDR") }
        if destination == nil { problems.append("--to '\(to)' is not ns/workload, an IP or a CIDR") }
        let asked = port.map(ConnectionPorts.parse) ?? .allKubernetes
        if asked == nil { problems.append("--port '\(port ?? "")' is not a connection (tcp/80, udp/53, tcp/8000-8080)") }
        if !["txt", "json"].contains(format) { problems.append("unknown format '\(format)'; expected txt or json") }
        try checkUsage(problems, command: "query")
        guard let source, let destination, var connections = asked else { throw NetpolExit.unusable }
        let loaded = try NetpolInput.load(input, command: "query")
        let topology = loaded.topology
        if port == nil { connections = topology.model.universe }
        let sources = QueryEndpoints.resolve(source, in: topology), destinations = QueryEndpoints.resolve(destination, in: topology)
        if sources.isEmpty { problems.append("--from \(source) matches no workload or address range of the input") }
        if destinations.isEmpty { problems.append("--to \(destination) matches no workload or address range of the input") }
        try checkUsage(problems, command: "query")
        let engine = ConnectivityEngine(topology: topology)
        var answers: [QueryAnswer] = []
        for s in sources {
            for d in destinations where s.displayName != d.displayName && (s.kind != .external || d.kind != .external) {
                answers.append(QueryAnswer(engine: engine, source: s, destination: d, asked: connections))
            }
        }
        guard !answers.isEmpty else {
            printError("palisade netpol query: nothing to ask: both ends are outside the cluster or the same workload")
            throw NetpolExit.unusable
        }
        writeOutput(format == "json" ? QueryAnswer.json(answers) : answers.map(\.text).joined(separator: "\n\n"))
        if loaded.unreadable { throw NetpolExit.unusable }
        if answers.contains(where: { $0.allowed.isEmpty }) { throw NetpolExit.denied }
    }
}

/// Turns a query peer into endpoints of the topology.
enum QueryEndpoints {
    static func resolve(_ peer: ConnectionPeer, in topology: Topology) -> [Endpoint] {
        switch peer {
        case .workload(let namespace, let name, let kind):
            return topology.endpoints.filter {
                $0.namespace == namespace && $0.name == name && (kind == nil || $0.workloadKind == kind)
            }
        case .addresses(let set):
            let pods = topology.endpoints.filter { !$0.addresses.isEmpty && $0.addresses.isSuperset(of: set) }
            if !pods.isEmpty { return pods }
            return topology.externals.filter { !$0.addresses.intersection(set).isEmpty }
        }
    }
}

/// The verdict of both directions for one pair, restricted to the asked connections.
struct QueryAnswer {
    var source: Endpoint
    var destination: Endpoint
    var asked: ConnectionSet
    var egress: DirectionVerdict
    var ingress: DirectionVerdict

    init(engine: ConnectivityEngine, source: Endpoint, destination: Endpoint, asked: ConnectionSet) {
        self.source = source
        self.destination = destination
        self.asked = asked
        egress = engine.verdict(.egress, from: source, to: destination)
        ingress = engine.verdict(.ingress, from: source, to: destination)
    }

    var allowed: ConnectionSet { egress.allowed.intersection(ingress.allowed).intersection(asked) }

    var text: String {
        let denied = asked.subtracting(allowed)
        var lines = ["\(source.displayName) => \(destination.displayName) : \(asked.analyzerText)"]
        lines.append(allowed.isEmpty ? "verdict: denied" : denied.isEmpty ? "verdict: allowed" : "verdict: allowed \(allowed.analyzerText); denied \(denied.analyzerText)")
        lines += section("egress at \(source.displayName)", egress)
        lines += section("ingress at \(destination.displayName)", ingress)
        return lines.joined(separator: "\n")
    }

    private func section(_ title: String, _ verdict: DirectionVerdict) -> [String] {
        var lines = ["\(title):"]
        for (number, step) in relevantSteps(verdict).enumerated() {
            lines.append("  \(number + 1). \(step.action.rawValue.padded(5)) \(step.connections.intersection(asked).analyzerText) — \(Self.describe(step.cause))")
        }
        return lines
    }

    private func relevantSteps(_ verdict: DirectionVerdict) -> [DirectionVerdict.Step] {
        verdict.steps.filter { !$0.connections.intersection(asked).isEmpty }
    }

    static func describe(_ cause: DirectionVerdict.Step.Cause) -> String {
        switch cause {
        case .rule(let policy, let tier, let direction, let rule):
            let name = rule.name.map { " '\($0)'" } ?? ""
            let origin = policy.origin.map { " (\($0))" } ?? ""
            return "\(policy) \(direction.rawValue.lowercased()) rule [\(rule.index)]\(name), tier \(tier)\(origin)"
        case .tierDefault(let tier, let kind, let policies):
            let names = policies.map(\.description).joined(separator: ", ")
            return "default of tier \(tier) (\(kind.rawValue)): the endpoint is selected by \(names) but no rule decided"
        case .systemDefault:
            return "no policy decided: the default for the endpoint"
        }
    }

    func value() -> Value {
        .object(fields: [
            "from": .string(source.displayName), "to": .string(destination.displayName),
            "asked": .string(asked.analyzerText), "allowed": .string(allowed.analyzerText),
            "verdict": .string(allowed.isEmpty ? "denied" : asked.subtracting(allowed).isEmpty ? "allowed" : "partial"),
            "egress": .array(relevantSteps(egress).map(stepValue)), "ingress": .array(relevantSteps(ingress).map(stepValue)),
        ])
    }

    private func stepValue(_ step: DirectionVerdict.Step) -> Value {
        var fields: [String: Value] = [
            "action": .string(step.action.rawValue), "connections": .string(step.connections.intersection(asked).analyzerText),
            "reason": .string(Self.describe(step.cause)),
        ]
        if case .rule(let policy, let tier, _, let rule) = step.cause {
            fields["policy"] = .string(policy.qualifiedName)
            fields["kind"] = .string(policy.kind)
            fields["tier"] = .string(tier)
            fields["rule"] = .int(rule.index)
            if let origin = policy.origin { fields["origin"] = .string(origin) }
        }
        return .object(fields: fields)
    }

    static func json(_ answers: [QueryAnswer]) -> String {
        JSONWriter.string(.array(answers.map { $0.value() }), options: .pretty)
    }
}

extension String {
    fileprivate func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
