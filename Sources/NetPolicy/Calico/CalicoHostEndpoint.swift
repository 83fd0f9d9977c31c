import Kube
import PalisadeCore

/// Calico HostEndpoints: non-namespaced endpoints (`[HostEndpoint]`) with
/// labels, expected IPs, named ports and profiles. Without any policy or
/// profile a host endpoint drops everything.
public enum CalicoHostEndpoint {
    static let kind = "HostEndpoint"

    /// The endpoint and its declared profiles.
    public static func read(_ object: KubeObject, warnings: inout [String]) throws -> (endpoint: Endpoint, profiles: [String]) {
        let spec = object.value["spec"] ?? .emptyObject
        let title = "HostEndpoint \(object.name)"
        let addresses = try CalicoNets.parse(spec["expectedIPs"], field: "\(title): spec.expectedIPs",
                                             at: object.location, warnings: &warnings) ?? .empty
        let profiles = try stringList(spec["profiles"], field: "\(title): spec.profiles", at: object.location)
        var ports: [Endpoint.NamedPort] = []
        for (index, entry) in (spec["ports"]?.arrayValue ?? []).enumerated() {
            let field = "\(title): spec.ports[\(index)]"
            guard let name = entry["name"]?.stringValue, let number = entry["port"]?.intValue, (1...65535).contains(number) else {
                throw InputError("\(field) needs a name and a port between 1 and 65535", at: object.location)
            }
            let protoText = entry["protocol"]?.stringValue ?? "TCP"
            guard let proto = IPProtocol(name: protoText) else {
                throw InputError("\(field).protocol: unknown protocol \"\(protoText)\"", at: object.location)
            }
            ports.append(.init(name: name, proto: proto, port: UInt32(number)))
        }
        let endpoint = Endpoint(kind: .host, namespace: nil, name: object.name, workloadKind: kind, labels: object.labels,
                                namedPorts: ports, containerPorts: ports, serviceAccount: "", addresses: addresses,
                                origin: object.location?.description)
        return (endpoint, profiles)
    }

    static func stringList(_ value: Value?, field: String, at location: SourceLocation?) throws -> [String] {
        guard let value, value != .null else { return [] }
        guard let list = value.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
            throw InputError("\(field) must be a list of strings", at: location)
        }
        return list.compactMap(\.stringValue)
    }
}
