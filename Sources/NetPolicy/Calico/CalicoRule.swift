import PalisadeCore

/// A compiled Calico rule: protocol and ICMP criteria, the source and
/// destination entities (the policy's own endpoint is the destination of
/// ingress rules and the source of egress rules), and destination ports.
struct CalicoRuleCondition: RuleCondition, AddressBlockNaming {
    var direction: Direction
    /// The connections the protocol, notProtocol, icmp and notICMP fields leave.
    var base: ConnectionSet
    var proto: IPProtocol?
    var source: CalicoEntityRule
    var destination: CalicoEntityRule
    /// The rule can never match in this model (IPv6-only, or source ports).
    var matchesNothing = false

    var remote: CalicoEntityRule { direction == .ingress ? source : destination }
    var local: CalicoEntityRule { direction == .ingress ? destination : source }

    var addressBlocks: [IntervalSet] { remote.addressBlocks }

    func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
        guard !matchesNothing, self.source.matches(source, in: topology),
              self.destination.matches(destination, in: topology) else { return .none }
        return portConnections(toward: destination)
    }

    /// `base` narrowed by the destination's ports and notPorts (named ports resolve on `destination`).
    func portConnections(toward destination: Endpoint) -> ConnectionSet {
        var result = base
        if let proto, !self.destination.ports.isEmpty {
            result = result.intersection(CalicoPort.connections(self.destination.ports, proto, toward: destination))
        }
        if let proto, !self.destination.notPorts.isEmpty {
            result = result.subtracting(CalicoPort.connections(self.destination.notPorts, proto, toward: destination))
        }
        return result
    }

    var dependsOnDestination: Bool {
        (destination.ports + destination.notPorts).contains { if case .named = $0 { return true } else { return false } }
    }
}

/// A Calico rule whose policy-side entity sets nothing but ports: whether it
/// matches depends on the far end alone, which lets the all-pairs matrix test
/// it once per peer class.
struct CalicoPeerRule: PeerScopedCondition, AddressBlockNaming {
    var rule: CalicoRuleCondition

    var direction: Direction { rule.direction }
    var addressBlocks: [IntervalSet] { rule.addressBlocks }
    var dependsOnDestination: Bool { rule.dependsOnDestination }

    func matchesPeer(_ peer: Endpoint, in topology: Topology) -> Bool {
        !rule.matchesNothing && rule.remote.matches(peer, in: topology)
    }

    func connections(toward destination: Endpoint) -> ConnectionSet { rule.portConnections(toward: destination) }

    func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
        rule.connections(from: source, to: destination, in: topology)
    }
}

/// Reads Calico rules (policies and profiles share the format).
struct CalicoRuleReader {
    static let maxRulesPerDirection = 1024
    static let portProtocols: [IPProtocol] = [.tcp, .udp, .sctp]

    var policyNamespace: String?
    var context: CalicoContext
    var namespaceLabels: [String: [String: String]]
    var location: SourceLocation?

    func rules(_ value: Value?, _ direction: Direction, field: String, warnings: inout [String]) throws -> [PolicyRule] {
        guard let value, value != .null else { return [] }
        guard let list = value.arrayValue else { throw InputError("\(field) must be a list of rules", at: location) }
        guard list.count <= Self.maxRulesPerDirection else {
            throw InputError("\(field) has \(list.count) rules; at most \(Self.maxRulesPerDirection) are allowed", at: location)
        }
        return try list.enumerated().map { index, entry in
            try rule(entry, direction, index: index, field: "\(field)[\(index)]", warnings: &warnings)
        }
    }

    private func rule(_ value: Value, _ direction: Direction, index: Int, field: String,
                      warnings: inout [String]) throws -> PolicyRule {
        guard case .object = value else { throw InputError("\(field) must be an object", at: location) }
        try KnownFields.check(value, allowed: ["action", "protocol", "notProtocol", "icmp", "notICMP", "ipVersion",
                                               "source", "destination", "http", "metadata"], field: field, at: location)
        let action = try Self.action(value["action"], field: "\(field).action", at: location)
        let proto = try protocolField(value["protocol"], field: "\(field).protocol")
        var condition = CalicoRuleCondition(direction: direction, base: .allProtocols, proto: proto,
                                            source: try entity(value["source"], "\(field).source", &warnings),
                                            destination: try entity(value["destination"], "\(field).destination", &warnings))
        try checkPorts(condition, field: field)
        if let proto { condition.base = ConnectionSet(proto) }
        if let notProto = try protocolField(value["notProtocol"], field: "\(field).notProtocol") {
            condition.base = condition.base.subtracting(ConnectionSet(notProto))
        }
        if let icmp = try icmpValues(value["icmp"], proto: proto, field: "\(field).icmp"), let proto {
            condition.base = condition.base.intersection(ConnectionSet(proto, ports: icmp))
        }
        if let notICMP = try icmpValues(value["notICMP"], proto: proto, field: "\(field).notICMP"), let proto {
            condition.base = condition.base.subtracting(ConnectionSet(proto, ports: notICMP))
        }
        condition.matchesNothing = try unmatchable(value, condition, field: field, warnings: &warnings)
        if value["http"].map({ $0 != .null }) ?? false {
            warnings.append("\(prefix)\(field).http: application-layer matching is not modelled; the rule is treated as matching all HTTP requests")
        }
        let compiled: any RuleCondition = condition.local.constrainsPeer ? condition : CalicoPeerRule(rule: condition)
        return PolicyRule(action: action, condition: compiled, index: index)
    }

    private var prefix: String { location.map { "\($0): " } ?? "" }

    private func entity(_ value: Value?, _ field: String, _ warnings: inout [String]) throws -> CalicoEntityRule {
        try CalicoEntityRule.parse(value, field: field, policyNamespace: policyNamespace, context: context,
                                   namespaceLabels: namespaceLabels, at: location, warnings: &warnings)
    }

    static func action(_ value: Value?, field: String, at location: SourceLocation?) throws -> RuleAction {
        guard let text = value?.stringValue else { throw InputError("\(field) is required (Allow, Deny, Log or Pass)", at: location) }
        switch text.lowercased() {
        case "allow": return .allow
        case "deny": return .deny
        case "log": return .log
        case "pass": return .pass
        default: throw InputError("\(field): unknown action \"\(text)\" (expected Allow, Deny, Log or Pass)", at: location)
        }
    }

    private func protocolField(_ value: Value?, field: String) throws -> IPProtocol? {
        guard let value, value != .null else { return nil }
        if let number = value.intValue {
            guard (1...255).contains(number) else { throw InputError("\(field): protocol number \(number) is outside 1-255", at: location) }
            return IPProtocol(number: UInt8(number))
        }
        guard let text = value.stringValue, let proto = IPProtocol(name: text) else {
            throw InputError("\(field): unknown protocol \(value.stringValue.map { "\"\($0)\"" } ?? value.typeName) (expected TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or 1-255)", at: location)
        }
        return proto
    }

    private func checkPorts(_ rule: CalicoRuleCondition, field: String) throws {
        let hasPorts = !(rule.source.ports + rule.source.notPorts + rule.destination.ports + rule.destination.notPorts).isEmpty
        guard hasPorts else { return }
        guard let proto = rule.proto, Self.portProtocols.contains(proto) else {
            throw InputError("\(field): rules that specify ports must set protocol to TCP, UDP or SCTP", at: location)
        }
    }

    /// The `type << 8 | code` values an ICMP criterion covers.
    private func icmpValues(_ value: Value?, proto: IPProtocol?, field: String) throws -> IntervalSet? {
        guard let value, value != .null else { return nil }
        guard proto == .icmp || proto == .icmpv6 else {
            throw InputError("\(field) requires protocol ICMP or ICMPv6", at: location)
        }
        guard case .object = value else { throw InputError("\(field) must be an object", at: location) }
        let type = value["type"].flatMap { $0 == .null ? nil : $0 }
        let code = value["code"].flatMap { $0 == .null ? nil : $0 }
        guard let type else {
            if code != nil { throw InputError("\(field).code requires \(field).type", at: location) }
            return ConnectionSet.icmpRange
        }
        guard let t = type.intValue, (0...254).contains(t) else {
            throw InputError("\(field).type must be a number between 0 and 254", at: location)
        }
        guard let code else { return IntervalSet(UInt32(t) << 8, UInt32(t) << 8 | 255) }
        guard let c = code.intValue, (0...255).contains(c) else {
            throw InputError("\(field).code must be a number between 0 and 255", at: location)
        }
        return IntervalSet(UInt32(t) << 8 | UInt32(c), UInt32(t) << 8 | UInt32(c))
    }

    /// True for rules this IPv4, destination-port model cannot match (with a warning saying why).
    private func unmatchable(_ value: Value, _ rule: CalicoRuleCondition, field: String, warnings: inout [String]) throws -> Bool {
        if let version = value["ipVersion"], version != .null {
            guard let v = version.intValue, v == 4 || v == 6 else {
                throw InputError("\(field).ipVersion must be 4 or 6", at: location)
            }
            if v == 6 {
                warnings.append("\(prefix)\(field): IPv6-only rule is not analysed")
                return true
            }
        }
        let sourcePorts = rule.source.ports + rule.source.notPorts
        if !sourcePorts.isEmpty {
            warnings.append("\(prefix)\(field).source: source ports are not modelled; the rule is treated as matching nothing")
            return true
        }
        return false
    }
}
