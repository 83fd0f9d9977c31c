import PalisadeCore

/// A `networking.k8s.io/v1` NetworkPolicy, compiled for the engine.
///
/// Selected pods are isolated for each direction in `policyTypes` (defaulted
/// as the API server does: Ingress always, Egress when egress rules exist);
/// a rule allows traffic from/to any of its peers (all peers when the list is
/// empty or missing) on any of its ports (all when empty or missing).
public enum KubeNetworkPolicy {
    public static let group = "networking.k8s.io"
    public static let kind = "NetworkPolicy"

    /// One rule: peers and ports, evaluated against the other side.
    struct Rule: RuleCondition, AddressBlockNaming {
        /// Nil: every peer, inside and outside the cluster.
        var peers: [KubePeer]?
        var ports: [PortSpec]
        var direction: Direction

        /// A port name of an egress rule that also names address blocks: IP
        /// destinations have no named ports to resolve it on.
        var namedPortToAddresses: String? {
            guard !addressBlocks.isEmpty else { return nil }
            for spec in ports { if case .named(let name) = spec.port { return name } }
            return nil
        }

        var addressBlocks: [IntervalSet] {
            (peers ?? []).compactMap { if case .addresses(let block) = $0 { return block } else { return nil } }
        }

        func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
            let other = direction == .ingress ? source : destination
            if let peers, !peers.contains(where: { $0.matches(other, in: topology) }) { return .none }
            return PortSpec.connections(ports, toward: destination, universe: .allKubernetes)
        }
    }

    struct PodsInNamespace: EndpointSelector {
        var namespace: String
        var pods: LabelSelector

        func selects(_ endpoint: Endpoint, in topology: Topology) -> Bool {
            endpoint.kind == .pod && endpoint.namespace == namespace && pods.matches(endpoint.labels)
        }

        var namespaceScope: String? { namespace }
    }

    /// Compiles one policy object. `namespace` is the object's or the default namespace.
    public static func compile(_ object: Value, namespace: String, origin location: SourceLocation?,
                               warnings: inout [String]) throws -> CompiledPolicy {
        let name = object["metadata"]?["name"]?.stringValue ?? ""
        let ref = PolicyRef(kind: kind, namespace: namespace, name: name, origin: location?.description)
        guard let spec = object["spec"], case .object = spec else {
            throw InputError("NetworkPolicy \(namespace)/\(name): spec must be an object", at: location)
        }
        try KnownFields.check(spec, allowed: ["podSelector", "policyTypes", "ingress", "egress"], field: "spec", at: location)
        let podSelector = try spec["podSelector"].flatMap { $0 == .null ? nil : $0 }
            .map { try LabelSelector(parsing: $0, path: "spec.podSelector", at: location) } ?? .everything
        let ingress = try rules(spec["ingress"], .ingress, namespace: namespace, at: location, warnings: &warnings)
        let egress = try rules(spec["egress"], .egress, namespace: namespace, at: location, warnings: &warnings)
        let types = try policyTypes(spec, hasEgressRules: !egress.isEmpty, at: location)
        return CompiledPolicy(ref: ref, selector: PodsInNamespace(namespace: namespace, pods: podSelector),
                              ingress: types.contains(.ingress) ? ingress : nil,
                              egress: types.contains(.egress) ? egress : nil)
    }

    static func policyTypes(_ spec: Value, hasEgressRules: Bool, at location: SourceLocation?) throws -> Set<Direction> {
        guard let raw = spec["policyTypes"], raw != .null else {
            return hasEgressRules ? [.ingress, .egress] : [.ingress]
        }
        guard let list = raw.arrayValue else { throw InputError("spec.policyTypes must be a list", at: location) }
        var types: Set<Direction> = []
        for entry in list {
            guard let text = entry.stringValue, let direction = Direction(rawValue: text) else {
                throw InputError("spec.policyTypes: Unsupported value: \(entry): supported values: \"Ingress\", \"Egress\"", at: location)
            }
            types.insert(direction)
        }
        return types
    }

    private static func rules(_ raw: Value?, _ direction: Direction, namespace: String, at location: SourceLocation?,
                              warnings: inout [String]) throws -> [PolicyRule] {
        guard let raw, raw != .null else { return [] }
        let field = direction == .ingress ? "spec.ingress" : "spec.egress"
        guard let list = raw.arrayValue else { throw InputError("\(field) must be a list", at: location) }
        let peerKey = direction == .ingress ? "from" : "to"
        return try list.enumerated().map { index, entry in
            let ruleField = "\(field)[\(index)]"
            guard case .object = entry else { throw InputError("\(ruleField) must be an object", at: location) }
            try KnownFields.check(entry, allowed: [peerKey, "ports"], field: ruleField, at: location)
            var peers: [KubePeer]? = nil
            if let rawPeers = entry[peerKey], rawPeers != .null {
                guard let peerList = rawPeers.arrayValue else { throw InputError("\(ruleField).\(peerKey) must be a list", at: location) }
                if !peerList.isEmpty {
                    peers = try peerList.enumerated().compactMap { i, peer in
                        try KubePeer.parse(peer, policyNamespace: namespace, field: "\(ruleField).\(peerKey)[\(i)]",
                                           at: location, warnings: &warnings)
                    }
                }
            }
            var ports: [PortSpec] = []
            if let rawPorts = entry["ports"], rawPorts != .null {
                guard let portList = rawPorts.arrayValue else { throw InputError("\(ruleField).ports must be a list", at: location) }
                ports = try portList.enumerated().map { i, port in
                    try PortSpec.parseKubernetes(port, field: "\(ruleField).ports[\(i)]", at: location)
                }
            }
            let rule = Rule(peers: peers, ports: ports, direction: direction)
            if direction == .egress, let name = rule.namedPortToAddresses {
                throw InputError("named port error: \(ruleField): cannot convert named port for an IP destination (port \"\(name)\" with an ipBlock peer)", at: location)
            }
            return PolicyRule(action: .allow, condition: rule, index: index)
        }
    }
}

extension KubeNetworkPolicy {
    /// Warnings for named ports that no pod they could apply to defines: an
    /// ingress rule's name is looked up on the pods the policy selects, an
    /// egress rule's on the pods its peers match. Such a port allows nothing.
    public static func unresolvedNamedPorts(in topology: Topology) -> [String] {
        var warnings: [String] = []
        for policy in topology.model.policies where policy.ref.kind == kind {
            for direction in Direction.allCases {
                for rule in policy.rules(direction) ?? [] {
                    guard let condition = rule.condition as? Rule else { continue }
                    let candidates = topology.endpoints.filter { endpoint in
                        guard endpoint.isPod else { return false }
                        return direction == .ingress ? policy.selector.selects(endpoint, in: topology) : condition.matchesPeer(endpoint, in: topology)
                    }
                    for spec in condition.ports {
                        guard case .named(let name) = spec.port,
                              !candidates.contains(where: { !$0.ports(named: name, proto: spec.proto).isEmpty }) else { continue }
                        warnings.append("\(policy.ref.origin.map { "\($0): " } ?? "")port name: \"\(name)\" (\(spec.proto)) of \(policy.ref) "
                            + "\(direction.rawValue.lowercased()) rule \(rule.index) is not defined on any pod it applies to; the port allows nothing")
                    }
                }
            }
        }
        return warnings
    }
}
