import Foundation
import Kube
import NetPolicy
import PalisadeCore

/// The worked test run of `docs/test-runs.md`: the policy of its log and the
/// Expected ingress / egress / combined tables over the 9-pod model
/// (namespaces x, y, z labelled `ns: NAME`; pods a, b, c labelled `pod: NAME`,
/// serving `serve-PORT-PROTO` on every port/protocol of the table).
///
/// The pods' addresses are 192.168.1.11–19: the run's policy allows TCP/80
/// into x/a from ipBlock 192.168.1.0/24 (built by cyclonus from a pod address),
/// and the expected ingress table allows TCP/80 into x/a from all nine pods,
/// so that run's pods were in that block.
struct CyclonusTruthTable: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case ingress, egress, combined
    }

    var file: String

    static let namespaces = ["x", "y", "z"]
    static let podNames = ["a", "b", "c"]

    func results() -> [CaseResult] {
        do {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            guard let start = lines.firstIndex(where: { $0.hasPrefix("evaluating test case:") }) else {
                throw CyclonusText.Unreadable(description: "no \"evaluating test case:\" log")
            }
            let model = try policyModel(lines, from: start)
            return try judgeTables(lines, from: start, model: model)
        } catch {
            return [CaseResult(file: "docs/test-runs.md", name: "truth tables", failure: "\(error)")]
        }
    }

    /// The YAML after `Network policy:` up to `Discrepancy found`, compiled.
    private func policyModel(_ lines: [String], from start: Int) throws -> (model: PolicyModel, problems: [String]) {
        guard let header = lines[start...].firstIndex(of: "Network policy:"),
              let end = lines[header...].firstIndex(where: { $0.hasPrefix("Discrepancy found") }) else {
            throw CyclonusText.Unreadable(description: "\(file): no \"Network policy:\" … \"Discrepancy found\" in the log")
        }
        let yaml = lines[(header + 1)..<end].joined(separator: "\n")
        var objects: [KubeObject] = []
        for document in try YAMLReader.documents(yaml, file: file) {
            let at = SourceLocation(file: file, line: document.location.line + header + 1, column: document.location.column)
            if let object = KubeObject(document.value, location: at) { objects.append(object) }
        }
        let topology = TopologyBuilder().build(objects)
        let problems = topology.model.rejected.map(\.reason) + topology.warnings
        guard topology.model.policies.count == objects.count else {
            throw CyclonusText.Unreadable(description: "the run's policy did not compile: \(problems.joined(separator: "; "))")
        }
        return (topology.model, problems)
    }

    private func judgeTables(_ lines: [String], from start: Int, model: (model: PolicyModel, problems: [String])) throws -> [CaseResult] {
        var results: [CaseResult] = []
        var cursor = start
        for kind in Kind.allCases {
            let title = "Expected \(kind.rawValue):"
            guard let at = lines[cursor...].firstIndex(of: title), let table = CyclonusTable.next(lines, from: at + 1) else {
                throw CyclonusText.Unreadable(description: "\(file): no \"\(title)\" table after line \(cursor + 1)")
            }
            let ports = try Self.portProtocols(CyclonusText.words(Array(table.header.prefix(1))))
            let pods = Self.pods(ports: ports)
            var topology = Topology(namespaces: Dictionary(uniqueKeysWithValues: Self.namespaces.map { ($0, ["ns": $0]) }),
                                    endpoints: pods, model: model.model)
            topology.addressBlocksMatchPods = true
            let engine = ConnectivityEngine(topology: topology)
            results += try judge(table, kind: kind, ports: ports, pods: pods, engine: engine)
            cursor = table.endLine
        }
        return results
    }

    static func portProtocols(_ cells: [String]) throws -> [(proto: IPProtocol, port: UInt32)] {
        try cells.map { cell in
            let parts = cell.split(separator: "/")
            guard parts.count == 2, let proto = IPProtocol(name: String(parts[0])), let port = UInt32(parts[1]) else {
                throw CyclonusText.Unreadable(description: "port/protocol header \"\(cell)\"")
            }
            return (proto, port)
        }
    }

    static func pods(ports: [(proto: IPProtocol, port: UInt32)]) -> [Endpoint] {
        let served = ports.map {
            Endpoint.NamedPort(name: "serve-\($0.port)-\(String(describing: $0.proto).lowercased())", proto: $0.proto, port: $0.port)
        }
        var pods: [Endpoint] = []
        for (n, ns) in namespaces.enumerated() {
            for (p, pod) in podNames.enumerated() {
                let address = UInt32(0xC0A8_0100) + UInt32(11 + n * 3 + p)
                pods.append(Endpoint(kind: .pod, namespace: ns, name: pod, labels: ["pod": pod], namedPorts: served,
                                     containerPorts: served, addresses: IntervalSet(address, address)))
            }
        }
        return pods
    }

    private func judge(_ table: CyclonusTable, kind: Kind, ports: [(proto: IPProtocol, port: UInt32)],
                       pods: [Endpoint], engine: ConnectivityEngine) throws -> [CaseResult] {
        let columns = table.header.dropFirst().map { $0.lowercased() }
        var results: [CaseResult] = []
        for row in table.rows {
            let sourceName = row.first?.joined() ?? ""
            guard let source = pods.first(where: { "\($0.namespace ?? "")/\($0.name)" == sourceName }) else {
                throw CyclonusText.Unreadable(description: "\(kind) table: unknown source \(sourceName)")
            }
            for (column, destinationName) in columns.enumerated() {
                guard let destination = pods.first(where: { "\($0.namespace ?? "")/\($0.name)" == destinationName }) else {
                    throw CyclonusText.Unreadable(description: "\(kind) table: unknown destination \(destinationName)")
                }
                let marks = CyclonusText.words(row[column + 1])
                let name = "truth table \(kind.rawValue) \(sourceName) -> \(destinationName)"
                guard marks.count == ports.count, marks.allSatisfy({ $0 == "." || $0 == "X" }) else {
                    results.append(CaseResult(file: "docs/test-runs.md", name: name, failure: "cell \"\(marks.joined(separator: " "))\" does not hold \(ports.count) marks"))
                    continue
                }
                let allowed = connections(kind, engine: engine, from: source, to: destination)
                let wrong = zip(ports, marks).filter { allowed.contains($0.0.proto, port: $0.0.port) != ($0.1 == ".") }
                let failure = wrong.isEmpty ? nil : wrong.map { "\($0.0.proto)/\($0.0.port): cyclonus \($0.1 == "." ? "allowed" : "blocked"), engine \($0.1 == "." ? "blocked" : "allowed")" }.joined(separator: ", ")
                results.append(CaseResult(file: "docs/test-runs.md", name: name, failure: failure))
            }
        }
        return results
    }

    private func connections(_ kind: Kind, engine: ConnectivityEngine, from source: Endpoint, to destination: Endpoint) -> ConnectionSet {
        switch kind {
        case .ingress: return engine.verdict(.ingress, from: source, to: destination).allowed
        case .egress: return engine.verdict(.egress, from: source, to: destination).allowed
        case .combined: return engine.allowed(from: source, to: destination)
        }
    }
}
