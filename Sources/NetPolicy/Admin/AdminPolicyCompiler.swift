import PalisadeCore

/// Compiles one AdminNetworkPolicy, BaselineAdminNetworkPolicy or
/// ClusterNetworkPolicy into the engine's model: its subject becomes the
/// selector, its rules keep their written order (first match wins), and
/// `priority` becomes the order within the tier.
struct AdminPolicyCompiler {
    static let unknownActionError = "unrecognized action"

    var api: AdminPolicyAPI
    var location: SourceLocation?
    var nodes: NodeInventory
    /// Every container port name of the input, to warn about names nothing declares.
    var portNames: Set<String>
    private(set) var warnings: [String] = []

    init(api: AdminPolicyAPI, location: SourceLocation?, nodes: NodeInventory, portNames: Set<String>) {
        self.api = api
        self.location = location
        self.nodes = nodes
        self.portNames = portNames
    }

    /// The compiled policy and the tier it belongs to.
    mutating func compile(_ object: Value, name: String) throws -> (policy: CompiledPolicy, tier: AdminTier) {
        let ref = PolicyRef(kind: api.kind, name: name, origin: location?.description)
        guard let spec = object["spec"], case .object = spec else {
            throw InputError("\(api.kind) '\(name)': spec must be an object", at: location)
        }
        try KnownFields.check(spec, allowed: ["priority", "tier", "subject", "ingress", "egress"], field: "spec", at: location)
        let tier = try self.tier(spec)
        let priority = try self.priority(spec, name: name, tier: tier)
        let subject = try AdminSubject.parse(spec["subject"], at: location)
        var peers = AdminPeerReader(location: location, nodes: nodes)
        let ingress = try rules(spec["ingress"], .ingress, peers: &peers)
        let egress = try rules(spec["egress"], .egress, peers: &peers)
        warnings += peers.warnings
        let policy = CompiledPolicy(ref: ref, selector: subject, ingress: ingress, egress: egress,
                                    order: priority.map(Double.init))
        return (policy, tier)
    }

    private func tier(_ spec: Value) throws -> AdminTier {
        switch api {
        case .adminNetworkPolicy: return .admin
        case .baselineAdminNetworkPolicy: return .baseline
        case .clusterNetworkPolicy:
            guard let text = spec["tier"]?.stringValue, let tier = AdminTier(rawValue: text) else {
                let found = spec["tier"]?.stringValue.map { "\"\($0)\"" } ?? "nothing"
                throw InputError("spec.tier: Unsupported value: \(found): supported values: \"Admin\", \"Baseline\"", at: location)
            }
            return tier
        }
    }

    /// Nil for BaselineAdminNetworkPolicy, which has no priority.
    private func priority(_ spec: Value, name: String, tier: AdminTier) throws -> Int? {
        if api == .baselineAdminNetworkPolicy { return nil }
        guard let raw = spec["priority"], raw != .null else {
            throw InputError("\(api.kind) '\(name)': spec.priority is required", at: location)
        }
        guard let priority = raw.intValue, AdminPolicyAPI.priorityRange.contains(priority) else {
            let shown = raw.intValue.map(String.init) ?? raw.typeName
            throw InputError("\(api.kind) '\(name)': invalid priority \(shown): priority must be in the range 0-1000", at: location)
        }
        return priority
    }

    /// Nil when the direction is absent or empty: the policy leaves it alone.
    private mutating func rules(_ raw: Value?, _ direction: Direction, peers: inout AdminPeerReader) throws -> [PolicyRule]? {
        guard let raw, raw != .null else { return nil }
        let field = direction == .ingress ? "spec.ingress" : "spec.egress"
        guard let list = raw.arrayValue else { throw InputError("\(field) must be a list", at: location) }
        guard list.count <= AdminPolicyAPI.maxRulesPerDirection else {
            throw InputError("\(field): at most \(AdminPolicyAPI.maxRulesPerDirection) rules are allowed per direction, found \(list.count)", at: location)
        }
        if list.isEmpty { return nil }
        return try list.enumerated().map { index, entry in
            try rule(entry, direction, field: "\(field)[\(index)]", index: index, peers: &peers)
        }
    }

    private mutating func rule(_ entry: Value, _ direction: Direction, field: String, index: Int,
                               peers: inout AdminPeerReader) throws -> PolicyRule {
        guard case .object = entry else { throw InputError("\(field) must be an object", at: location) }
        try KnownFields.check(entry, allowed: ["name", "action", direction == .ingress ? "from" : "to", "ports", "protocols"],
                              field: field, at: location)
        let word = entry["action"]?.stringValue ?? ""
        guard let action = api.action(word) else {
            throw InputError("\(field).action: \(Self.unknownActionError) \"\(word)\" (\(api.kind) supports \(api.actionWords))", at: location)
        }
        let peerKey = direction == .ingress ? "from" : "to"
        guard let rawPeers = entry[peerKey]?.arrayValue, !rawPeers.isEmpty else {
            throw InputError("\(field): \(peerKey) field must be defined and contain at least one item", at: location)
        }
        let parsed = try rawPeers.enumerated().compactMap { i, peer in
            try peers.peer(peer, direction: direction, field: "\(field).\(peerKey)[\(i)]")
        }
        let ports = try portSpecs(entry, field: field)
        noteNamedPorts(ports, peers: parsed, field: field)
        let condition = AdminRule(peers: parsed, ports: ports, direction: direction)
        return PolicyRule(action: action, condition: condition.isRelativeToSubject ? SubjectRelativeAdminRule(rule: condition) : condition,
                          index: index, name: entry["name"]?.stringValue)
    }

    private func portSpecs(_ entry: Value, field: String) throws -> [PortSpec]? {
        let reader = AdminPortReader(location: location)
        if api == .clusterNetworkPolicy { return try reader.protocols(entry["protocols"], field: "\(field).protocols") }
        return try reader.ports(entry["ports"], field: "\(field).ports")
    }

    /// Named ports resolve only on pods: say so for address peers and for names no pod declares.
    private mutating func noteNamedPorts(_ ports: [PortSpec]?, peers: [AdminPeer], field: String) {
        let names = Set((ports ?? []).compactMap { spec -> String? in
            if case .named(let name) = spec.port { return name }
            return nil
        })
        let prefix = location.map { "\($0): " } ?? ""
        for name in names.sorted() where !portNames.contains(name) {
            warnings.append("\(prefix)\(field): port name: \"\(name)\" is not declared by any container; the entry matches no connection")
        }
        if !names.isEmpty, peers.contains(where: \.isNetworks) {
            warnings.append("\(prefix)\(field): named port is not defined for IP addresses; skipped for the networks peers")
        }
    }
}
