import Foundation
import NetPolicy

/// One PEER / PORT-PROTOCOL row of a cyclonus target.
struct CyclonusRule: Sendable {
    var peer: CyclonusPeer
    /// Nil: every connection.
    var ports: [PortSpec]?
}

/// The probe universe that compares policies with cyclonus's texts by meaning:
/// pods of every namespace met (labelled `ns: NAME`) with every label set met
/// (and each single label of them), plus the external ranges every address
/// block cuts. Probe pods serve cyclonus's named ports `serve-PORT-PROTO`.
struct CyclonusProbes: Sendable {
    var topology: Topology
    var pods: [Endpoint]
    var externals: [Endpoint]

    static let namedPorts: [Endpoint.NamedPort] = [80, 81].flatMap { port in
        IPProtocol.kubernetes.map { Endpoint.NamedPort(name: "serve-\(port)-\(String(describing: $0).lowercased())", proto: $0, port: UInt32(port)) }
    }

    init(model: PolicyModel, namespaces: Set<String>, labelSets: [[String: String]], blocks: [IntervalSet]) {
        let allNamespaces = namespaces.union(["x", "y", "z", "default"]).union(model.policies.compactMap(\.ref.namespace))
        var sets: Set<[String: String]> = [[:]]
        for labels in labelSets {
            sets.insert(labels)
            for (key, value) in labels { sets.insert([key: value]) }
        }
        for pod in ["a", "b", "c", "d"] { sets.insert(["pod": pod]) }
        let orderedSets = sets.sorted { $0.description < $1.description }
        pods = allNamespaces.sorted().flatMap { ns in
            orderedSets.enumerated().map { i, labels in
                Endpoint(kind: .pod, namespace: ns, name: "probe-\(i)", labels: labels, namedPorts: Self.namedPorts)
            }
        }
        let cuts = ExternalRanges.blocks(.ingress, of: model) + ExternalRanges.blocks(.egress, of: model) + blocks
        externals = ExternalRanges.partition(cutBy: cuts)
        var nsLabels: [String: [String: String]] = [:]
        for ns in allNamespaces { nsLabels[ns] = ["ns": ns] }
        topology = Topology(namespaces: nsLabels, endpoints: [], model: model, externals: externals)
    }

    var remotes: [Endpoint] { pods + externals }

    /// Which probe pods a policy selects: policies with the same signature share a cyclonus target.
    func signature(of policy: CompiledPolicy) -> [Bool] {
        pods.map { policy.selector.selects($0, in: topology) }
    }

    func signature(of target: CyclonusTarget) -> [Bool] { pods.map(target.selects) }

    /// A pod the target selects (its match labels, the first value of each `In`).
    static func representative(of target: CyclonusTarget, name: String = "target") -> Endpoint {
        var labels = target.pods.matchLabels
        for requirement in target.pods.matchExpressions {
            switch requirement.op {
            case .in: labels[requirement.key] = requirement.values.first ?? ""
            case .exists: labels[requirement.key] = "x"
            case .notIn, .doesNotExist: break
            }
        }
        return Endpoint(kind: .pod, namespace: target.namespace, name: name, labels: labels, namedPorts: namedPorts)
    }

    /// Compares what `expected` rows allow with what the policies' rules allow,
    /// for `local` in `direction` against every probe; nil when they agree.
    func compare(expected: [CyclonusRule], policies: [CompiledPolicy], direction: Direction, local: Endpoint) -> String? {
        var differences: [String] = []
        for remote in remotes {
            let (source, destination) = direction == .ingress ? (remote, local) : (local, remote)
            let namespaceLabels = remote.namespace.map { topology.namespaceLabels($0) } ?? [:]
            let want = expected.filter { $0.peer.covers(remote, namespaceLabels: namespaceLabels) }
                .reduce(ConnectionSet.none) { $0.union(CyclonusText.connections($1.ports, toward: destination)) }
            let got = allowed(by: policies, direction: direction, from: source, to: destination)
            if want != got {
                differences.append("\(describe(remote)): cyclonus \(want.analyzerText), engine rules \(got.analyzerText)")
            }
        }
        guard !differences.isEmpty else { return nil }
        let shown = differences.prefix(4).joined(separator: "; ")
        return "\(differences.count) of \(remotes.count) probe peers differ: \(shown)\(differences.count > 4 ? "; …" : "")"
    }

    /// The union of what the allow rules of `policies` cover in `direction`.
    func allowed(by policies: [CompiledPolicy], direction: Direction, from source: Endpoint, to destination: Endpoint) -> ConnectionSet {
        var result = ConnectionSet.none
        for policy in policies {
            for rule in policy.rules(direction) ?? [] where rule.action == .allow {
                result = result.union(rule.condition.connections(from: source, to: destination, in: topology))
            }
        }
        return result
    }

    func describe(_ endpoint: Endpoint) -> String {
        guard endpoint.isPod else { return endpoint.displayName }
        let labels = endpoint.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return "pod{\(labels)} in \(endpoint.namespace ?? "?")"
    }
}

extension PolicyRef {
    /// `ns/name`, as cyclonus lists source rules.
    var cyclonusName: String { "\(namespace ?? "")/\(name)" }
}
