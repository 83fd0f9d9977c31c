import Foundation

/// With a focus connection, netpol-analyzer also explains, in a primary
/// user-defined network's section, why that connection is denied between the
/// network's workloads and those of the pod network: the network isolates them.
struct IsolationExplanation {
    var network: ClusterNetwork
    var members: [Endpoint]
    var podNetworkMembers: [Endpoint]
    var focus: AnalysisFocus
    var connection: ConnectionSet

    static let separator = String(repeating: "-", count: 160)
    static let specificTitle = "Specific connections and their reasons"

    /// `lines` (one network's explanation, peers already named as shown) with
    /// the isolation blocks merged in order of source and destination.
    func merged(into lines: [String]) -> [String] {
        let blocks = isolationBlocks()
        guard !blocks.isEmpty else { return lines }
        var lines = lines.isEmpty || lines == [""] ? [""] : lines
        guard let banner = lines.indices.first(where: { lines[$0] == "# \(Self.specificTitle) #" }), banner >= 1 else {
            return [""] + ExplainReport.banner(Self.specificTitle) + blocks.flatMap(\.lines) + [""] + lines.dropFirst()
        }
        let bodyStart = banner + 2
        var bodyEnd = bodyStart
        while bodyEnd + 1 < lines.count, !(lines[bodyEnd] == "" && lines[bodyEnd + 1] == "") { bodyEnd += 1 }
        let existing = Self.blocks(in: Array(lines[bodyStart...min(bodyEnd, lines.count - 1)]))
        let sorted = (existing + blocks).sorted { ($0.source, $0.destination) < ($1.source, $1.destination) }
        lines.replaceSubrange(bodyStart...min(bodyEnd, lines.count - 1), with: sorted.flatMap(\.lines))
        return lines
    }

    struct Block {
        var source: String
        var destination: String
        var lines: [String]
    }

    /// Splits a section body at each separator line.
    static func blocks(in body: [String]) -> [Block] {
        var result: [Block] = []
        for line in body {
            if line == separator || result.isEmpty {
                let pair = line == separator ? "" : line
                result.append(Block(source: pair, destination: "", lines: []))
            }
            result[result.count - 1].lines.append(line)
            if result[result.count - 1].lines.count == 2, let (source, destination) = pair(line) {
                result[result.count - 1].source = source
                result[result.count - 1].destination = destination
            }
        }
        return result
    }

    /// The peers of a `Connections between A => B:` line.
    static func pair(_ line: String) -> (String, String)? {
        let prefix = "Connections between "
        guard line.hasPrefix(prefix), line.hasSuffix(":") else { return nil }
        let parts = line.dropFirst(prefix.count).dropLast().components(separatedBy: " => ")
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    private func isolationBlocks() -> [Block] {
        var result: [Block] = []
        for member in members {
            for other in podNetworkMembers {
                for (source, destination) in [(other, member), (member, other)] where focus.includes(source: source, destination: destination) {
                    result.append(block(source, destination, isolated: member))
                }
            }
        }
        return result
    }

    /// The network's member carries the network's marks; the pod-network peer does not.
    private func shownName(_ endpoint: Endpoint, member: Endpoint) -> String {
        endpoint.displayName == member.displayName ? network.peerName(endpoint) : endpoint.displayName
    }

    private func block(_ source: Endpoint, _ destination: Endpoint, isolated member: Endpoint) -> Block {
        let src = shownName(source, member: member), dst = shownName(destination, member: member)
        let kind = network.kind == .primaryUDN ? UserDefinedNetworkDefinition.namespacedKind : UserDefinedNetworkDefinition.clusterKind
        let reason = "\t\t\t\(kind) '\(network.name)' isolates \(network.peerName(member))"
        return Block(source: src, destination: dst, lines: [
            Self.separator, "Connections between \(src) => \(dst):", "", "Denied connections:",
            "\tDenied \(ExplainReport.text(connection)) due to existence of user defined networks:",
            "\t\tEgress ", reason, "\t\tIngress ", reason, "",
        ])
    }
}
