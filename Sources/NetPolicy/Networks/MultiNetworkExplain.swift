import Foundation

/// `--explain` with multiple networks: the explanation of each network in
/// turn, its headings naming the network (`... in primary UDN green`). Peers
/// of a namespace-scoped UDN carry the `[udn]` mark. On a secondary network
/// only MultiNetworkPolicies decide, so the system-default lines of a
/// direction no policy governs are not shown there.
struct MultiNetworkExplain {
    var analysis: MultiNetworkAnalysis
    var focus: AnalysisFocus
    var only: ExplainFilter?
    var focusConnection: (proto: IPProtocol, port: UInt32)?

    static let isolationNote = "*** Note: Connections between any peers from separate isolated networks are denied by default and therefore not listed in this report."
    static let systemDefaultLines: Set<String> = [
        "\t\tEgress (Allowed) due to the system default (Allow all)",
        "\t\tIngress (Allowed) due to the system default (Allow all)",
    ]

    func render(_ topology: Topology) -> String {
        let networks = analysis.networks(of: topology)
        var text = ""
        for network in networks {
            let scoped = analysis.topology(of: network, in: topology)
            let report = ExplainReport(analysis: ConnectivityAnalysis(topology: scoped), focus: focus, only: only,
                                       focusConnection: focusConnection).render(exposure: nil)
            text += relabel(report, network: network, members: scoped.endpoints, in: topology)
        }
        let primaries = networks.filter { network in
            network.isPrimary && !analysis.members(of: network, in: topology).isEmpty
        }
        if primaries.count > 1 && focusConnection == nil { text += "\n" + Self.isolationNote }
        return text
    }

    /// Headings gain the network's name; peer names and, on secondary
    /// networks, system-default lines are adapted.
    private func relabel(_ report: String, network: ClusterNetwork, members: [Endpoint], in topology: Topology) -> String {
        var lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if network.kind == .secondaryNAD { lines.removeAll { Self.systemDefaultLines.contains($0) } }
        if network.kind == .primaryUDN {
            let renames = members.map { (" \($0.displayName)", " \(network.peerName($0))") }
            lines = lines.map { line in
                var marked = " " + line
                for (old, new) in renames { marked = marked.replacingOccurrences(of: old, with: new) }
                return String(marked.dropFirst())
            }
        }
        if let (proto, port) = focusConnection, only != .allow, network.kind == .primaryUDN || network.kind == .primaryCUDN {
            lines = IsolationExplanation(network: network, members: members,
                                         podNetworkMembers: analysis.members(of: .podNetwork, in: topology), focus: focus,
                                         connection: ConnectionSet(proto, ports: IntervalSet(port, port))).merged(into: lines)
        }
        return Self.retitled(lines, suffix: " in \(network.explainLabel)").joined(separator: "\n")
    }

    /// Rebuilds each `###` / `# title #` / `###` banner with `suffix` added to its title.
    static func retitled(_ lines: [String], suffix: String) -> [String] {
        var result: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if index + 2 < lines.count, isRule(line), isRule(lines[index + 2]),
               lines[index + 1].hasPrefix("# "), lines[index + 1].hasSuffix(" #") {
                let title = String(lines[index + 1].dropFirst(2).dropLast(2))
                result += ExplainReport.banner(title + suffix)
                index += 3
                continue
            }
            result.append(line)
            index += 1
        }
        return result
    }

    private static func isRule(_ line: String) -> Bool { !line.isEmpty && line.allSatisfy { $0 == "#" } }
}

extension ClusterNetwork {
    /// How explanation headings name the network (`pod-network`, `primary UDN blue`).
    var explainLabel: String { kind == .podNetwork ? name : heading }
}
