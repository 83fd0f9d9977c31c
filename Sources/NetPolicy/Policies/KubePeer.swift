import PalisadeCore

/// A NetworkPolicyPeer: pods chosen by namespace and pod selectors, or an
/// address block.
public enum KubePeer: Sendable {
    /// `podSelector` and/or `namespaceSelector`; a nil namespace selector
    /// means the policy's own namespace.
    case pods(namespaces: LabelSelector?, pods: LabelSelector, policyNamespace: String)
    /// `ipBlock`: `cidr` minus `except`.
    case addresses(IntervalSet)

    public func matches(_ peer: Endpoint, in topology: Topology) -> Bool {
        switch self {
        case .addresses(let block):
            switch peer.kind {
            case .external: return block.isSuperset(of: peer.addresses)
            case .pod, .host: return topology.addressBlocksMatchPods && !peer.addresses.isEmpty && block.isSuperset(of: peer.addresses)
            case .ingressController: return false
            }
        case .pods(let namespaces, let pods, let policyNamespace):
            guard peer.kind == .pod, let ns = peer.namespace else { return false }
            if let namespaces {
                guard namespaces.matches(topology.namespaceLabels(ns)) else { return false }
            } else if ns != policyNamespace {
                return false
            }
            return pods.matches(peer.labels)
        }
    }

    /// Reads a peer; nil for an IPv6 block.
    static func parse(_ value: Value, policyNamespace: String, field: String, at location: SourceLocation?,
                      warnings: inout [String]) throws -> KubePeer? {
        guard case .object = value else { throw InputError("rule NetworkPolicyPeer error: \(field) must be an object", at: location) }
        try KnownFields.check(value, allowed: ["ipBlock", "podSelector", "namespaceSelector"], field: field, at: location)
        let ipBlock = value["ipBlock"].flatMap { $0 == .null ? nil : $0 }
        let podSelector = value["podSelector"].flatMap { $0 == .null ? nil : $0 }
        let namespaceSelector = value["namespaceSelector"].flatMap { $0 == .null ? nil : $0 }
        if let ipBlock {
            guard podSelector == nil && namespaceSelector == nil else {
                throw InputError("rule NetworkPolicyPeer error: \(field): cannot have both IPBlock and PodSelector/NamespaceSelector set", at: location)
            }
            return try parseBlock(ipBlock, field: "\(field).ipBlock", at: location, warnings: &warnings).map(KubePeer.addresses)
        }
        guard podSelector != nil || namespaceSelector != nil else {
            throw InputError("rule NetworkPolicyPeer error: \(field): cannot have empty rule peer", at: location)
        }
        let pods = try podSelector.map { try LabelSelector(parsing: $0, path: "\(field).podSelector", at: location) } ?? .everything
        let namespaces = try namespaceSelector.map { try LabelSelector(parsing: $0, path: "\(field).namespaceSelector", at: location) }
        return .pods(namespaces: namespaces, pods: pods, policyNamespace: policyNamespace)
    }

    /// nil for an IPv6 block (not analysed; a warning says so).
    static func parseBlock(_ value: Value, field: String, at location: SourceLocation?,
                           warnings: inout [String]) throws -> IntervalSet? {
        try KnownFields.check(value, allowed: ["cidr", "except"], field: field, at: location)
        guard let cidr = value["cidr"]?.stringValue else {
            throw InputError("CIDR error: \(field).cidr is required", at: location)
        }
        if IPv4.isIPv6(cidr) {
            warnings.append("\(location.map { "\($0): " } ?? "")\(field): IPv6 addresses are not supported; \(cidr) is ignored")
            return nil
        }
        guard var block = IPv4.cidr(cidr) else {
            throw InputError("CIDR error: \(field).cidr: invalid CIDR address: \(cidr)", at: location)
        }
        for (index, raw) in (value["except"]?.arrayValue ?? []).enumerated() {
            guard let text = raw.stringValue else {
                throw InputError("CIDR error: \(field).except[\(index)] must be a string", at: location)
            }
            if IPv4.isIPv6(text) { continue }
            guard let cut = IPv4.cidr(text) else {
                throw InputError("CIDR error: \(field).except[\(index)]: invalid CIDR address: \(text)", at: location)
            }
            block = block.subtracting(cut)
        }
        return block
    }
}
