import PalisadeCore

/// Reads a rule's destination ports: v1alpha1 `ports` (`portNumber`,
/// `namedPort`, `portRange`) and v1alpha2 `protocols` (`tcp`/`udp`/`sctp`
/// with `destinationPort.number` or `.range`, or `destinationNamedPort`).
struct AdminPortReader {
    static let oneFieldError = "exactly one field must be set in an AdminNetworkPolicyPort"

    var location: SourceLocation?

    /// v1alpha1 `ports`: nil when absent (every port).
    func ports(_ value: Value?, field: String) throws -> [PortSpec]? {
        guard let list = try entries(value, field: field) else { return nil }
        return try list.enumerated().map { index, entry -> [PortSpec] in
            let entryField = "\(field)[\(index)]"
            let name = try onlyField(of: entry, among: ["portNumber", "namedPort", "portRange"], field: entryField)
            guard let body = entry[name] else { throw InputError("\(entryField): \(Self.oneFieldError)", at: location) }
            switch name {
            case "portNumber":
                let port = try number(body["port"], field: "\(entryField).portNumber.port")
                return [PortSpec(proto: try proto(body["protocol"], field: "\(entryField).portNumber.protocol"), port: .range(port, port))]
            case "namedPort":
                return try named(body, field: "\(entryField).namedPort")
            default:
                return [PortSpec(proto: try proto(body["protocol"], field: "\(entryField).portRange.protocol"),
                                 port: try range(body, field: "\(entryField).portRange"))]
            }
        }.flatMap { $0 }
    }

    /// v1alpha2 `protocols`: nil when absent (every port of every protocol).
    func protocols(_ value: Value?, field: String) throws -> [PortSpec]? {
        guard let list = try entries(value, field: field) else { return nil }
        return try list.enumerated().map { index, entry -> [PortSpec] in
            let entryField = "\(field)[\(index)]"
            let name = try onlyField(of: entry, among: ["tcp", "udp", "sctp", "destinationNamedPort"], field: entryField)
            guard let body = entry[name] else { throw InputError("\(entryField): \(Self.oneFieldError)", at: location) }
            if name == "destinationNamedPort" { return try named(body, field: "\(entryField).destinationNamedPort") }
            let proto: IPProtocol = name == "tcp" ? .tcp : name == "udp" ? .udp : .sctp
            guard let destination = body["destinationPort"], destination != .null else { return [PortSpec(proto: proto, port: .all)] }
            let portField = "\(entryField).\(name).destinationPort"
            let kind = try onlyField(of: destination, among: ["number", "range"], field: portField)
            if kind == "number" {
                let port = try number(destination["number"], field: "\(portField).number")
                return [PortSpec(proto: proto, port: .range(port, port))]
            }
            return [PortSpec(proto: proto, port: try range(destination["range"] ?? .null, field: "\(portField).range"))]
        }.flatMap { $0 }
    }

    private func entries(_ value: Value?, field: String) throws -> [Value]? {
        guard let value, value != .null else { return nil }
        guard let list = value.arrayValue else { throw InputError("\(field) must be a list", at: location) }
        return list
    }

    private func onlyField(of entry: Value, among names: [String], field: String) throws -> String {
        let present = names.filter { entry[$0].map { $0 != .null } ?? false }
        guard present.count == 1, let name = present.first else {
            throw InputError("\(field): \(Self.oneFieldError)", at: location)
        }
        return name
    }

    /// A named port: it resolves on whichever protocol the destination declares it with.
    private func named(_ value: Value, field: String) throws -> [PortSpec] {
        guard let name = value.stringValue, !name.isEmpty else { throw InputError("\(field) must be a port name", at: location) }
        try PortSpec.checkPortName(name, field: field, at: location)
        return IPProtocol.kubernetes.map { PortSpec(proto: $0, port: .named(name)) }
    }

    private func proto(_ value: Value?, field: String) throws -> IPProtocol {
        guard let value, value != .null else { return .tcp }
        guard let text = value.stringValue, let proto = IPProtocol(name: text), IPProtocol.kubernetes.contains(proto),
              text == text.uppercased() else {
            throw InputError("\(field): Unsupported value: \(value.stringValue.map { "\"\($0)\"" } ?? value.typeName): supported values: \"SCTP\", \"TCP\", \"UDP\"", at: location)
        }
        return proto
    }

    private func number(_ value: Value?, field: String) throws -> UInt32 {
        guard let port = value?.intValue, (1...65535).contains(port) else {
            let shown = value.map { $0.intValue.map(String.init) ?? $0.typeName } ?? "nothing"
            throw InputError("\(field): invalid port \(shown): must be between 1 and 65535, inclusive", at: location)
        }
        return UInt32(port)
    }

    private func range(_ value: Value, field: String) throws -> PortSpec.Port {
        let start = try number(value["start"], field: "\(field).start")
        let end = try number(value["end"], field: "\(field).end")
        guard start <= end else {
            throw InputError("\(field): illegal port range \(start)-\(end): start must not be greater than end", at: location)
        }
        return .range(start, end)
    }
}
