import Foundation
import NetPolicy
import PalisadeCore

/// One item of cyclonus's `traffic.json`: source and destination (IP and/or
/// namespace, namespace labels and pod labels), protocol, port and port name.
struct CyclonusTrafficItem: Sendable {
    var source: Endpoint
    var destination: Endpoint
    var namespaces: [String: [String: String]]
    var proto: IPProtocol
    var port: UInt32
    var label: String

    static func read(_ value: Value, index: Int, file: String) throws -> CyclonusTrafficItem {
        let field = "\(file): item \(index)"
        guard let protoText = value["Protocol"]?.stringValue, let proto = IPProtocol(name: protoText),
              let portNumber = value["ResolvedPort"]?.intValue, (1...65535).contains(portNumber) else {
            throw CyclonusText.Unreadable(description: "\(field): Protocol and ResolvedPort (1-65535) are required")
        }
        let port = UInt32(portNumber)
        let portName = value["ResolvedPortName"]?.stringValue ?? ""
        var namespaces: [String: [String: String]] = [:]
        let named = portName.isEmpty ? [] : [Endpoint.NamedPort(name: portName, proto: proto, port: port)]
        let source = try endpoint(value["Source"], name: "source", namedPorts: [], field: "\(field).Source", namespaces: &namespaces)
        let destination = try endpoint(value["Destination"], name: "destination", namedPorts: named,
                                       field: "\(field).Destination", namespaces: &namespaces)
        let label = "traffic[\(index)] \(describe(source)) -> \(describe(destination)) \(proto)/\(port)\(portName.isEmpty ? "" : " (\(portName))")"
        return CyclonusTrafficItem(source: source, destination: destination, namespaces: namespaces, proto: proto, port: port, label: label)
    }

    /// A pod when `Internal` is given (with its IP when given), else an external endpoint covering the IP.
    private static func endpoint(_ value: Value?, name: String, namedPorts: [Endpoint.NamedPort], field: String,
                                 namespaces: inout [String: [String: String]]) throws -> Endpoint {
        var addresses = IntervalSet.empty
        if let ipText = value?["IP"]?.stringValue {
            guard let ip = IPv4.address(Substring(ipText)) else { throw CyclonusText.Unreadable(description: "\(field).IP: bad address \(ipText)") }
            addresses = IntervalSet(ip, ip)
        }
        if let inside = value?["Internal"], inside != .null {
            guard let ns = inside["Namespace"]?.stringValue else {
                throw CyclonusText.Unreadable(description: "\(field).Internal.Namespace is required")
            }
            namespaces[ns] = labels(inside["NamespaceLabels"])
            return Endpoint(kind: .pod, namespace: ns, name: name, labels: labels(inside["PodLabels"]),
                            namedPorts: namedPorts, containerPorts: namedPorts, addresses: addresses)
        }
        guard let interval = addresses.intervals.first else {
            throw CyclonusText.Unreadable(description: "\(field): neither IP nor Internal is given")
        }
        return .external(interval)
    }

    private static func labels(_ value: Value?) -> [String: String] {
        var result: [String: String] = [:]
        for (key, v) in value?.objectValue ?? [:] {
            if let k = key.stringValue, let s = v.stringValue { result[k] = s }
        }
        return result
    }

    private static func describe(_ endpoint: Endpoint) -> String {
        guard endpoint.isPod else { return endpoint.addresses.intervals.first.map { IPv4.format($0.lower) } ?? "?" }
        let labels = endpoint.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return "\(endpoint.namespace ?? "?")/{\(labels)}"
    }
}

/// cyclonus's answer for one traffic item: per direction the targets that
/// apply with their action, and IS ALLOWED.
struct CyclonusTrafficVerdict: Sendable {
    var targets: [Direction: [(target: CyclonusTarget, allows: Bool)]]
    var allowed: Bool

    /// Per direction, allowed when no target applies or one target allows.
    func allows(_ direction: Direction) -> Bool {
        let list = targets[direction] ?? []
        return list.isEmpty || list.contains { $0.allows }
    }

    /// The `Is traffic allowed?` tables of `analyze-query-traffic.txt`, in order.
    static func read(_ text: String) throws -> [CyclonusTrafficVerdict] {
        let lines = text.components(separatedBy: "\n")
        var verdicts: [CyclonusTrafficVerdict] = []
        var index = 0
        while index < lines.count {
            guard lines[index] == "Is traffic allowed?" else { index += 1; continue }
            guard let table = CyclonusTable.next(lines, from: index + 1) else {
                throw CyclonusText.Unreadable(description: "line \(index + 1): no table after \"Is traffic allowed?\"")
            }
            verdicts.append(try verdict(table, line: index + 1))
            index = table.endLine
        }
        return verdicts
    }

    private static func verdict(_ table: CyclonusTable, line: Int) throws -> CyclonusTrafficVerdict {
        var targets: [Direction: [(CyclonusTarget, Bool)]] = [:]
        var allowed: Bool?
        for row in table.rows {
            let type = row.first?.joined(separator: " ") ?? ""
            let action = row.count > 1 ? row[1].joined(separator: " ") : ""
            if type == "IS ALLOWED?" {
                guard action == "TRUE" || action == "FALSE" else { throw CyclonusText.Unreadable(description: "line \(line): IS ALLOWED? \(action)") }
                allowed = action == "TRUE"
                continue
            }
            guard let direction = Direction(rawValue: type), action == "Allow" || action == "Deny", row.count > 2 else {
                throw CyclonusText.Unreadable(description: "line \(line): row \(row)")
            }
            targets[direction, default: []].append((try CyclonusText.target(row[2]), action == "Allow"))
        }
        guard let allowed else { throw CyclonusText.Unreadable(description: "line \(line): no IS ALLOWED? row") }
        return CyclonusTrafficVerdict(targets: targets, allowed: allowed)
    }
}

/// Judges one traffic item: each direction's verdict and targets, and the combined verdict.
struct CyclonusTrafficJudge: Sendable {
    var model: PolicyModel
    var item: CyclonusTrafficItem
    var expected: CyclonusTrafficVerdict
    var probes: CyclonusProbes

    func results(file: String) -> [CaseResult] {
        let topology = Topology(namespaces: item.namespaces, endpoints: [], model: model)
        let engine = ConnectivityEngine(topology: topology)
        var results: [CaseResult] = []
        for direction in Direction.allCases {
            results.append(CaseResult(file: file, name: "\(item.label) \(direction)",
                                      failure: judge(direction, engine: engine)))
        }
        let got = engine.allowed(from: item.source, to: item.destination).contains(item.proto, port: item.port)
        results.append(CaseResult(file: file, name: "\(item.label) IS ALLOWED",
                                  failure: got == expected.allowed ? nil : "cyclonus \(expected.allowed ? "TRUE" : "FALSE"), engine \(got ? "TRUE" : "FALSE")"))
        return results
    }

    private func judge(_ direction: Direction, engine: ConnectivityEngine) -> String? {
        var problems: [String] = []
        let verdict = engine.verdict(direction, from: item.source, to: item.destination)
        let got = verdict.allowed.contains(item.proto, port: item.port)
        if got != expected.allows(direction) {
            problems.append("verdict: cyclonus \(expected.allows(direction) ? "Allow" : "Deny"), engine \(got ? "Allow" : "Deny")")
        }
        let local = direction == .ingress ? item.destination : item.source
        let engineTargets = local.isPod ? targets(direction, local: local, topology: engine.topology) : [:]
        var seen: Set<[Bool]> = []
        for (target, allows) in expected.targets[direction] ?? [] {
            let signature = probes.signature(of: target)
            seen.insert(signature)
            let name = "target ns \(target.namespace) pods {\(target.pods)}"
            guard let engineAllows = engineTargets[signature]?.allows else {
                problems.append("\(name) (\(allows ? "Allow" : "Deny")) does not apply in the engine")
                continue
            }
            if engineAllows != allows {
                problems.append("\(name): cyclonus \(allows ? "Allow" : "Deny"), engine rules \(engineAllows ? "Allow" : "Deny")")
            }
        }
        for (signature, target) in engineTargets where !seen.contains(signature) {
            problems.append("engine target of \(target.names.joined(separator: ",")) (\(target.allows ? "Allow" : "Deny")) is not in cyclonus's list")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// The engine's policies that select `local` for `direction`, grouped by the probe pods they select,
    /// each with whether its rules allow the traffic.
    private func targets(_ direction: Direction, local: Endpoint, topology: Topology) -> [[Bool]: (names: [String], allows: Bool)] {
        var groups: [[Bool]: [CompiledPolicy]] = [:]
        for policy in model.policies where policy.rules(direction) != nil && policy.selector.selects(local, in: topology) {
            groups[probes.signature(of: policy), default: []].append(policy)
        }
        return groups.mapValues { policies in
            var connections = ConnectionSet.none
            for policy in policies {
                for rule in policy.rules(direction) ?? [] where rule.action == .allow {
                    connections = connections.union(rule.condition.connections(from: item.source, to: item.destination, in: topology))
                }
            }
            return (policies.map(\.ref.cyclonusName).sorted(), connections.contains(item.proto, port: item.port))
        }
    }
}
