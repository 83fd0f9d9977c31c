import ArgumentParser
import NetPolicy
import PalisadeCore

/// `palisade netpol lint`: the network findings (NP-001 …) of the input.
struct NetpolLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Network policy findings: isolation gaps, unused, shadowed, redundant and over-broad rules, paths to sensitive workloads.",
        discussion: """
        Findings use the same Finding type and ids as `palisade scan` (rule ids NP-001 … NP-012,
        see docs/netpol.md).

        Exit status: 0 no finding at or above --severity-threshold; 1 some finding at
        or above it; 2 bad options or unreadable input.
        """
    )

    @OptionGroup var input: NetpolInputOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Format: table or json.")
    var format = "table"

    @Option(name: .long, help: ArgumentHelp("Exit 1 on a finding at or above SEV (info..critical).", valueName: "SEV"))
    var severityThreshold = "low"

    @Option(name: .customLong("rule"), help: ArgumentHelp("Only this rule id (NP-004); repeatable.", valueName: "ID"))
    var rules: [String] = []

    @Option(name: .long, help: ArgumentHelp("An address or CIDR of the API server outside the pod network; repeatable.", valueName: "CIDR"))
    var apiServer: [String] = []

    func run() throws {
        var problems = input.problems()
        if !NetpolFindingsReport.formats.contains(format) { problems.append("unknown format '\(format)'; expected table or json") }
        let threshold = Severity(parsing: severityThreshold)
        if threshold == nil { problems.append("--severity-threshold must be one of info, low, medium, high, critical") }
        let selected = rules.compactMap { NetworkFindingRule(rawValue: $0.uppercased()) }
        if selected.count != rules.count { problems.append("unknown rule id in --rule; expected NP-001 … NP-012") }
        let addresses = apiServer.map { ConnectionPeer(parsing: $0) }
        var apiServerAddresses = IntervalSet.empty
        for (text, peer) in zip(apiServer, addresses) {
            guard case .addresses(let set)? = peer else { problems.append("--api-server '\(text)' is not an IP or CIDR"); continue }
            apiServerAddresses = apiServerAddresses.union(set)
        }
        try checkUsage(problems, command: "lint")
        let loaded = try NetpolInput.load(input, command: "lint")
        let options = NetworkFindingOptions(apiServerAddresses: apiServerAddresses, rules: Set(selected))
        let findings = NetworkFindings(topology: loaded.topology, options: options).findings()
        writeOutput(NetpolFindingsReport.render(findings, format: format, note: loaded.rejectedNote))
        if loaded.unreadable { throw NetpolExit.unusable }
        if let threshold, findings.contains(where: { $0.severity >= threshold }) { throw NetpolExit.denied }
    }
}
