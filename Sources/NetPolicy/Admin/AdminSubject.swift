import PalisadeCore

/// The pods a cluster-scoped policy applies to: pods matching `pods` in
/// namespaces matching `namespaces`. Host-network pods are never subjects.
struct AdminSubject: EndpointSelector {
    var namespaces: LabelSelector
    var pods: LabelSelector

    func selects(_ endpoint: Endpoint, in topology: Topology) -> Bool {
        guard endpoint.kind == .pod, !endpoint.hostNetwork, let namespace = endpoint.namespace else { return false }
        return namespaces.matches(topology.namespaceLabels(namespace)) && pods.matches(endpoint.labels)
    }

    static let oneFieldError = "exactly one field must be set in a subject"

    /// Reads `spec.subject`: exactly one of `namespaces` (a selector) or
    /// `pods` (`namespaceSelector` and `podSelector`).
    static func parse(_ value: Value?, at location: SourceLocation?) throws -> AdminSubject {
        let present = ["namespaces", "pods"].filter { value?[$0].map { $0 != .null } ?? false }
        guard present.count == 1, let value else {
            throw InputError("spec.subject: \(oneFieldError)", at: location)
        }
        if let pods = value["pods"], pods != .null {
            return try parsePods(pods, field: "spec.subject.pods", at: location)
        }
        let namespaces = try selector(value["namespaces"] ?? .null, field: "spec.subject.namespaces", at: location)
        return AdminSubject(namespaces: namespaces, pods: .everything)
    }

    private static func parsePods(_ value: Value, field: String, at location: SourceLocation?) throws -> AdminSubject {
        guard case .object = value else { throw InputError("\(field) must be an object", at: location) }
        // A missing selector selects everything, as netpol-analyzer reads it.
        return AdminSubject(namespaces: try selector(value["namespaceSelector"] ?? .null, field: "\(field).namespaceSelector", at: location),
                            pods: try selector(value["podSelector"] ?? .null, field: "\(field).podSelector", at: location))
    }

    /// A selector field; `null` or an empty object selects everything.
    static func selector(_ value: Value, field: String, at location: SourceLocation?) throws -> LabelSelector {
        if value == .null { return .everything }
        return try LabelSelector(parsing: value, path: field, at: location)
    }
}
