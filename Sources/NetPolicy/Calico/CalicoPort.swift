import PalisadeCore

/// One entry of a Calico `ports`/`notPorts` list: a number, an "a:b" range or a named port.
public enum CalicoPort: Sendable, Hashable {
    case range(UInt32, UInt32)
    case named(String)

    /// The connections of `proto` this entry covers toward `destination` (named ports resolve there).
    func connections(_ proto: IPProtocol, toward destination: Endpoint) -> ConnectionSet {
        switch self {
        case .range(let low, let high): return ConnectionSet(proto, ports: IntervalSet(low, high))
        case .named(let name):
            guard destination.kind == .pod || destination.kind == .host else { return .none }
            let ports = destination.ports(named: name, proto: proto).map { IntervalSet.Interval($0, $0) }
            return ConnectionSet(proto, ports: IntervalSet(intervals: ports))
        }
    }

    static func connections(_ ports: [CalicoPort], _ proto: IPProtocol, toward destination: Endpoint) -> ConnectionSet {
        ports.reduce(ConnectionSet.none) { $0.union($1.connections(proto, toward: destination)) }
    }

    static func parseList(_ value: Value?, field: String, at location: SourceLocation?) throws -> [CalicoPort] {
        guard let value, value != .null else { return [] }
        guard let list = value.arrayValue else { throw InputError("\(field) must be a list of ports", at: location) }
        return try list.enumerated().map { try parse($1, field: "\(field)[\($0)]", at: location) }
    }

    static func parse(_ value: Value, field: String, at location: SourceLocation?) throws -> CalicoPort {
        if let number = value.intValue { return try range(number, number, field: field, at: location) }
        guard let text = value.stringValue, !text.isEmpty else {
            throw InputError("\(field): a port must be a number, \"low:high\" or a port name", at: location)
        }
        if let colon = text.firstIndex(of: ":") {
            guard let low = Int(text[..<colon]), let high = Int(text[text.index(after: colon)...]) else {
                throw InputError("\(field): invalid port range \"\(text)\" (expected \"low:high\")", at: location)
            }
            return try range(low, high, field: field, at: location)
        }
        if let number = Int(text) { return try range(number, number, field: field, at: location) }
        guard text.utf8.allSatisfy({ CalicoSelectorTokenizer.isLabelByte($0) }), text.utf8.count <= 128 else {
            throw InputError("\(field): invalid port name \"\(text)\"", at: location)
        }
        return .named(text)
    }

    private static func range(_ low: Int, _ high: Int, field: String, at location: SourceLocation?) throws -> CalicoPort {
        guard (0...65535).contains(low), (0...65535).contains(high) else {
            throw InputError("\(field): port \(low == high ? "\(low)" : "range \(low):\(high)") is outside 0-65535", at: location)
        }
        guard low <= high else {
            throw InputError("\(field): invalid port range \(low):\(high): the first port is greater than the second", at: location)
        }
        return .range(UInt32(low), UInt32(high))
    }
}
