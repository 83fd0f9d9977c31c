/// Which verdicts `--explain-only` keeps.
public enum ExplainFilter: String, Sendable {
    case allow, deny
}

/// netpol-analyzer's `--explain` output: for every pair, the allowed and
/// denied connections grouped by the policies and rules that decided them;
/// pairs nothing but the system default decides are only listed at the end.
struct ExplainReport {
    var analysis: ConnectivityAnalysis
    var focus: AnalysisFocus
    var only: ExplainFilter?
    var focusConnection: (proto: IPProtocol, port: UInt32)?

    var topology: Topology { analysis.topology }

    /// One group of connections with the same reasons in both directions.
    struct Group {
        var connections: ConnectionSet
        var egress: ExplainReason
        var ingress: ExplainReason
        var allowed: Bool { egress.allowed && ingress.allowed }
    }

    func render(exposure: ExposureAnalysis.Result?) -> String {
        var blocks: [String] = []
        var systemDefault: [String] = []
        for (source, destination) in pairs() {
            let groups = self.groups(from: source, to: destination)
            // Under a focus connection netpol-analyzer explains default-only pairs in place.
            if focusConnection == nil, groups.allSatisfy({ $0.egress.systemDefault && $0.ingress.systemDefault }) {
                if only != .deny { systemDefault.append("\(source.displayName) => \(destination.displayName)") }
                continue
            }
            blocks += block(source, destination, groups)
        }
        for (destination, groups) in ingressControllerGroups() { blocks += block(.ingressController, destination, groups) }
        var lines = [""]
        if !blocks.isEmpty { lines += Self.banner("Specific connections and their reasons") + blocks + [""] }
        if !systemDefault.isEmpty {
            lines += Self.banner("All Connections due to the system default (Allow all)") + systemDefault + [""]
        }
        if let exposure {
            lines += ExposureReport(format: .txt, connections: [], endpoints: [], result: exposure,
                                    focusConnection: universe == topology.model.universe ? nil : universe).exposureLines()
        }
        return lines.joined(separator: "\n")
    }

    static func banner(_ title: String) -> [String] {
        let rule = String(repeating: "#", count: title.count + 4)
        return [rule, "# \(title) #", rule]
    }

    var universe: ConnectionSet {
        focusConnection.map { ConnectionSet($0.proto, ports: IntervalSet($0.port, $0.port)) } ?? topology.model.universe
    }

    private func pairs() -> [(Endpoint, Endpoint)] {
        var result: [(Endpoint, Endpoint)] = []
        for source in topology.endpoints {
            for destination in topology.endpoints where destination.displayName != source.displayName {
                result.append((source, destination))
            }
            // Each direction's ranges are cut only by the blocks that direction's rules name.
            for external in topology.externalDestinations { result.append((source, external)) }
            for external in topology.externalSources { result.append((external, source)) }
        }
        return result.filter { focus.includes(source: $0.0, destination: $0.1) }
            .sorted { ($0.0.displayName, $0.1.displayName) < ($1.0.displayName, $1.1.displayName) }
    }

    /// One pair's explanation; nothing when `--explain-only` leaves no group.
    func block(_ source: Endpoint, _ destination: Endpoint, _ groups: [Group]) -> [String] {
        if let only, !groups.contains(where: { $0.allowed == (only == .allow) }) { return [] }
        var lines = [String(repeating: "-", count: 160), "Connections between \(source.displayName) => \(destination.displayName):", ""]
        for allowed in [true, false] where only == nil || (only == .allow) == allowed {
            let chosen = groups.filter { $0.allowed == allowed }
                .sorted { Self.text($0.connections) < Self.text($1.connections) }
            if chosen.isEmpty { continue }
            let verdict = allowed ? "Allowed" : "Denied"
            lines.append("\(verdict) connections:")
            for group in chosen {
                lines += Self.lines(group, verdict: verdict) + [""]
            }
        }
        return lines
    }

    /// A group: one line when only the system default decided; otherwise the reasons per direction.
    static func lines(_ group: Group, verdict: String) -> [String] {
        let connections = text(group.connections)
        if group.egress.systemDefault && group.ingress.systemDefault {
            return ["\t\(verdict) \(connections) due to the system default (Allow all)"]
        }
        return ["\t\(verdict) \(connections) due to the following policies and rules:"]
            + group.egress.lines(.egress) + group.ingress.lines(.ingress)
    }

    /// `TCP, UDP, SCTP`; a protocol with some of its ports as `TCP:[1-79,81-65535]`.
    static func text(_ connections: ConnectionSet) -> String {
        connections.protocols.sorted { order($0) < order($1) }.map { proto in
            let ports = connections.ports(of: proto)
            return ports == ConnectionSet.fullRange(of: proto) ? "\(proto)" : "\(proto):[\(ports)]"
        }.joined(separator: ", ")
    }

    private static func order(_ proto: IPProtocol) -> Int {
        switch proto {
        case .tcp: return 0
        case .udp: return 1
        case .sctp: return 2
        default: return 3 + Int(proto.number)
        }
    }

    /// The universe cut into pieces no rule splits, each explained, and pieces
    /// with the same explanation joined.
    func groups(from source: Endpoint, to destination: Endpoint) -> [Group] {
        let reasoner = ExplainReasoner(topology: topology)
        var groups: [Group] = []
        for atom in atoms(from: source, to: destination) {
            let egress = reasoner.reason(.egress, from: source, to: destination, on: atom)
            let ingress = reasoner.reason(.ingress, from: source, to: destination, on: atom)
            if let i = groups.firstIndex(where: { $0.egress == egress && $0.ingress == ingress }) {
                groups[i].connections = groups[i].connections.union(atom)
            } else {
                groups.append(Group(connections: atom, egress: egress, ingress: ingress))
            }
        }
        return groups
    }

    private func atoms(from source: Endpoint, to destination: Endpoint) -> [ConnectionSet] {
        var atoms = [universe]
        for (direction, local) in [(Direction.egress, source), (.ingress, destination)] where local.kind == .pod || local.kind == .host {
            for policy in topology.model.policies where policy.rules(direction) != nil && policy.selector.selects(local, in: topology) {
                for rule in policy.rules(direction) ?? [] {
                    let cut = rule.condition.connections(from: source, to: destination, in: topology)
                    if cut.isEmpty { continue }
                    atoms = atoms.flatMap { [$0.intersection(cut), $0.subtracting(cut)].filter { !$0.isEmpty } }
                }
            }
        }
        return atoms
    }
}
