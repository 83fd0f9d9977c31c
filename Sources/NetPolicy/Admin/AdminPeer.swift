import PalisadeCore

/// One entry of a rule's `from` / `to` list.
enum AdminPeer: Sendable {
    /// Pods (not on the host network) matching `pods` in matching namespaces;
    /// the `namespaces` peer is this with every pod.
    case pods(namespaces: NamespaceMatch, pods: LabelSelector)
    /// Addresses (the union of `cidrs`): external ranges inside it, and pods whose known IPs all lie in it.
    case networks(IntervalSet, cidrs: [IntervalSet])
    /// Host-network pods running on the nodes a `nodes` selector chose ("ns/name" keys).
    case nodes(hosts: Set<String>)

    /// True when `peer` is this peer, seen from the policy's subject `local`
    /// (needed only by `sameLabels` / `notSameLabels`).
    func matches(_ peer: Endpoint, local: Endpoint?, in topology: Topology) -> Bool {
        switch self {
        case .pods(let namespaces, let pods):
            guard peer.kind == .pod, !peer.hostNetwork, let namespace = peer.namespace else { return false }
            return namespaces.matches(namespace, local: local, in: topology) && pods.matches(peer.labels)
        case .networks(let block, _):
            guard peer.kind == .external || ((peer.kind == .pod || peer.kind == .host) && !peer.addresses.isEmpty) else { return false }
            return block.isSuperset(of: peer.addresses)
        case .nodes(let hosts):
            return peer.hostNetwork && hosts.contains(NodeInventory.key(namespace: peer.namespace, name: peer.name))
        }
    }

    var isRelativeToSubject: Bool {
        if case .pods(let namespaces, _) = self { return namespaces.isRelative }
        return false
    }

    var isNetworks: Bool { if case .networks = self { return true }; return false }

    var cidrs: [IntervalSet] { if case .networks(_, let cidrs) = self { return cidrs }; return [] }
}

/// Which namespaces a peer covers: a selector, and in the early v1alpha1 form
/// `sameLabels` / `notSameLabels` relative to the subject's namespace.
struct NamespaceMatch: Sendable {
    var selector: LabelSelector
    /// Keys whose values must equal the subject namespace's (both present).
    var sameLabels: [String] = []
    /// Keys whose values must differ from the subject namespace's.
    var notSameLabels: [String] = []

    var isRelative: Bool { !sameLabels.isEmpty || !notSameLabels.isEmpty }

    func matches(_ namespace: String, local: Endpoint?, in topology: Topology) -> Bool {
        let labels = topology.namespaceLabels(namespace)
        guard selector.matches(labels) else { return false }
        guard isRelative else { return true }
        guard let local, let localNamespace = local.namespace else { return false }
        let own = topology.namespaceLabels(localNamespace)
        for key in sameLabels {
            guard let mine = own[key], labels[key] == mine else { return false }
        }
        for key in notSameLabels where own[key] != nil && labels[key] == own[key] { return false }
        return true
    }
}

/// Reads peers; collects warnings and the address blocks peers name.
struct AdminPeerReader {
    static let oneFieldError = "exactly one field must be set in a rule peer"
    static let ipv6Warning = "IPv6 addresses are not supported"
    static let nodesWarning = "Nodes field of an AdminNetworkPolicyEgressPeer is not supported"

    var location: SourceLocation?
    var nodes: NodeInventory
    var warnings: [String] = []

    /// Nil for a peer that can match nothing here (only IPv6 networks).
    mutating func peer(_ value: Value, direction: Direction, field: String) throws -> AdminPeer? {
        guard case .object = value else { throw InputError("\(field): \(Self.oneFieldError)", at: location) }
        let allowed = direction == .ingress ? ["namespaces", "pods"] : ["namespaces", "pods", "nodes", "networks"]
        let present = allowed.filter { value[$0].map { $0 != .null } ?? false }
        guard present.count == 1, let name = present.first, let body = value[name] else {
            throw InputError("\(field): \(Self.oneFieldError)", at: location)
        }
        switch name {
        case "namespaces": return .pods(namespaces: try namespaces(body, field: "\(field).namespaces"), pods: .everything)
        case "pods": return try pods(body, field: "\(field).pods")
        case "nodes": return try nodesPeer(body, field: "\(field).nodes")
        default: return try networks(body, field: "\(field).networks")
        }
    }

    private func namespaces(_ value: Value, field: String) throws -> NamespaceMatch {
        let legacyKeys = ["namespaceSelector", "sameLabels", "notSameLabels"]
        guard legacyKeys.contains(where: { value[$0] != nil }) else {
            return NamespaceMatch(selector: try AdminSubject.selector(value, field: field, at: location))
        }
        let present = legacyKeys.filter { value[$0].map { $0 != .null } ?? false }
        guard present.count == 1 else {
            throw InputError("\(field): exactly one of namespaceSelector, sameLabels, notSameLabels must be set", at: location)
        }
        if let raw = value["namespaceSelector"], raw != .null {
            return NamespaceMatch(selector: try AdminSubject.selector(raw, field: "\(field).namespaceSelector", at: location))
        }
        let same = try keys(value["sameLabels"], field: "\(field).sameLabels")
        let notSame = try keys(value["notSameLabels"], field: "\(field).notSameLabels")
        return NamespaceMatch(selector: .everything, sameLabels: same, notSameLabels: notSame)
    }

    private func keys(_ value: Value?, field: String) throws -> [String] {
        guard let value, value != .null else { return [] }
        guard let list = value.arrayValue else { throw InputError("\(field) must be a list of label keys", at: location) }
        return try list.map { entry in
            guard let key = entry.stringValue else { throw InputError("\(field) must be a list of label keys", at: location) }
            return key
        }
    }

    private func pods(_ value: Value, field: String) throws -> AdminPeer {
        guard case .object = value else { throw InputError("\(field) must be an object", at: location) }
        let namespaceMatch: NamespaceMatch
        if let legacy = value["namespaces"], legacy != .null {
            namespaceMatch = try namespaces(legacy, field: "\(field).namespaces")
        } else {
            namespaceMatch = NamespaceMatch(selector: try AdminSubject.selector(value["namespaceSelector"] ?? .null,
                                                                                field: "\(field).namespaceSelector", at: location))
        }
        // A missing selector selects everything, as netpol-analyzer reads it.
        let pods = try AdminSubject.selector(value["podSelector"] ?? .null, field: "\(field).podSelector", at: location)
        return .pods(namespaces: namespaceMatch, pods: pods)
    }

    private mutating func nodesPeer(_ value: Value, field: String) throws -> AdminPeer {
        let selector = try AdminSubject.selector(value, field: field, at: location)
        if nodes.isEmpty {
            warnings.append("\(prefix)\(field): \(Self.nodesWarning) without Node objects in the input; the peer is ignored")
        }
        return .nodes(hosts: nodes.hostNetworkPods(onNodesMatching: selector))
    }

    private mutating func networks(_ value: Value, field: String) throws -> AdminPeer? {
        guard let list = value.arrayValue, !list.isEmpty else {
            throw InputError("\(field) must be a list of at least one CIDR", at: location)
        }
        guard list.count <= AdminPolicyAPI.maxRulesPerDirection else {
            throw InputError("\(field): at most \(AdminPolicyAPI.maxRulesPerDirection) CIDRs are allowed, found \(list.count)", at: location)
        }
        var cidrs: [IntervalSet] = []
        for (index, entry) in list.enumerated() {
            guard let text = entry.stringValue else {
                throw InputError("\(field)[\(index)]: invalid CIDR address: \(entry.typeName)", at: location)
            }
            if IPv4.isIPv6(text) {
                guard IPv6CIDR.isValid(text) else {
                    throw InputError("\(field)[\(index)]: invalid CIDR address: \(text)", at: location)
                }
                warnings.append("\(prefix)\(field)[\(index)]: \(Self.ipv6Warning); \(text) is ignored")
                continue
            }
            guard let cidr = IPv4.cidr(text) else {
                throw InputError("\(field)[\(index)]: invalid CIDR address: \(text)", at: location)
            }
            cidrs.append(cidr)
        }
        return cidrs.isEmpty ? nil : .networks(cidrs.reduce(IntervalSet.empty) { $0.union($1) }, cidrs: cidrs)
    }

    private var prefix: String { location.map { "\($0): " } ?? "" }
}
