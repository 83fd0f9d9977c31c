import PalisadeCore

/// One entry of a rule's port list: a protocol with a port number, a port
/// range, a port name resolved on the destination, or every port.
public struct PortSpec: Sendable, Hashable {
    public enum Port: Sendable, Hashable {
        case all
        case range(UInt32, UInt32)
        case named(String)
    }

    public var proto: IPProtocol
    public var port: Port

    public init(proto: IPProtocol, port: Port) {
        self.proto = proto
        self.port = port
    }

    /// The connections this entry covers toward `destination` (named ports resolve there).
    public func connections(toward destination: Endpoint) -> ConnectionSet {
        switch port {
        case .all: return ConnectionSet(proto)
        case .range(let low, let high): return ConnectionSet(proto, ports: IntervalSet(low, high))
        case .named(let name):
            guard destination.kind == .pod || destination.kind == .host else { return .none }
            let ports = destination.ports(named: name, proto: proto)
            return ConnectionSet(proto, ports: IntervalSet(intervals: ports.map { IntervalSet.Interval($0, $0) }))
        }
    }

    /// The union over `specs`; every connection of `universe` when the list is empty.
    public static func connections(_ specs: [PortSpec], toward destination: Endpoint, universe: ConnectionSet) -> ConnectionSet {
        if specs.isEmpty { return universe }
        var result = ConnectionSet.none
        for spec in specs { result = result.union(spec.connections(toward: destination)) }
        return result
    }

    /// Reads a NetworkPolicyPort (`protocol`, `port`, `endPort`).
    static func parseKubernetes(_ value: Value, field: String, at location: SourceLocation?) throws -> PortSpec {
        guard case .object = value else { throw InputError("\(field) must be an object", at: location) }
        try KnownFields.check(value, allowed: ["protocol", "port", "endPort"], field: field, at: location)
        var proto = IPProtocol.tcp
        if let raw = value["protocol"], raw != .null {
            guard let text = raw.stringValue, let p = IPProtocol(name: text), IPProtocol.kubernetes.contains(p),
                  text == text.uppercased() else {
                throw InputError("\(field).protocol: Unsupported value: \(raw.stringValue.map { "\"\($0)\"" } ?? raw.typeName): supported values: \"SCTP\", \"TCP\", \"UDP\"", at: location)
            }
            proto = p
        }
        let endPort = value["endPort"].flatMap { $0 == .null ? nil : $0 }
        switch value["port"] {
        case nil, .null?:
            if endPort != nil { throw InputError("\(field).endPort: may not be specified when port is not", at: location) }
            return PortSpec(proto: proto, port: .all)
        case .string(let name)?:
            if let number = UInt32(name) { return try numbered(number, endPort: endPort, proto: proto, field: field, at: location) }
            if endPort != nil { throw InputError("\(field).endPort: may not be specified when port is a named port", at: location) }
            try checkPortName(name, field: "\(field).port", at: location)
            return PortSpec(proto: proto, port: .named(name))
        case .number(let n)?:
            guard let number = n.intValue, number >= 0, number <= 65535 else {
                throw InputError("\(field).port: Invalid value: \(n): must be between 1 and 65535, inclusive", at: location)
            }
            return try numbered(UInt32(number), endPort: endPort, proto: proto, field: field, at: location)
        case let other?:
            throw InputError("\(field).port: must be a number or a port name, found \(other.typeName)", at: location)
        }
    }

    private static func numbered(_ port: UInt32, endPort: Value?, proto: IPProtocol, field: String,
                                 at location: SourceLocation?) throws -> PortSpec {
        guard (1...65535).contains(port) else {
            throw InputError("\(field).port: Invalid value: \(port): must be between 1 and 65535, inclusive", at: location)
        }
        guard let endPort else { return PortSpec(proto: proto, port: .range(port, port)) }
        guard let end = endPort.intValue, end >= 1, end <= 65535 else {
            throw InputError("\(field).endPort: must be a number between 1 and 65535", at: location)
        }
        guard UInt32(end) >= port else {
            throw InputError("\(field): port range \(port)-\(end) is illegal: endPort must be equal or greater than port", at: location)
        }
        return PortSpec(proto: proto, port: .range(port, UInt32(end)))
    }

    /// IANA service name syntax: 1–15 of lowercase letters, digits and '-', with a letter.
    static func checkPortName(_ name: String, field: String, at location: SourceLocation?) throws {
        let bytes = Array(name.utf8)
        let valid = !bytes.isEmpty && bytes.count <= 15
            && bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
            && bytes.contains { $0 >= 97 && $0 <= 122 } && bytes.first != 45 && bytes.last != 45
            && !name.contains("--")
        guard valid else {
            throw InputError("\(field): Invalid value: \"\(name)\": must be a valid port name (at most 15 lowercase letters, digits and '-', with at least one letter)", at: location)
        }
    }
}
