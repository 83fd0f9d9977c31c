import Kube
import PalisadeCore

/// A NetworkSet (namespaced) or GlobalNetworkSet: labelled address ranges
/// that rule selectors match like endpoints. Their nets cut the external
/// address space, so each external range lies wholly inside or outside a set.
public struct CalicoNetworkSet: Sendable, Hashable {
    public var name: String
    /// Nil for a GlobalNetworkSet.
    public var namespace: String?
    public var labels: [String: String]
    public var nets: IntervalSet

    public init(name: String, namespace: String?, labels: [String: String], nets: IntervalSet) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.nets = nets
    }

    /// The labels selectors see: its own plus the namespace label Calico adds to namespaced sets.
    public var selectorLabels: [String: String] {
        guard let namespace else { return labels }
        return labels.merging([CalicoLabels.namespace: namespace]) { own, _ in own }
    }

    static let kinds: Set<String> = ["NetworkSet", "GlobalNetworkSet"]

    /// Reads a NetworkSet or GlobalNetworkSet; IPv6 nets are skipped with a warning.
    static func read(_ object: KubeObject, warnings: inout [String]) throws -> CalicoNetworkSet {
        let isGlobal = object.kind == "GlobalNetworkSet"
        let namespace = isGlobal ? nil : (object.namespace ?? "default")
        let field = "\(object.kind) \(namespace.map { "\($0)/" } ?? "")\(object.name): spec.nets"
        let nets = try CalicoNets.parse(object.value["spec"]?["nets"], field: field, at: object.location, warnings: &warnings)
        return CalicoNetworkSet(name: object.name, namespace: namespace, labels: object.labels, nets: nets ?? .empty)
    }
}

/// Calico's lists of CIDRs (`nets`, `notNets`, network set `nets`).
enum CalicoNets {
    /// The union of the IPv4 CIDRs; nil when the field is absent. A bare
    /// address counts as a /32, as Calico accepts it.
    static func parse(_ value: Value?, field: String, at location: SourceLocation?,
                      warnings: inout [String]) throws -> IntervalSet? {
        guard let value, value != .null else { return nil }
        guard let list = value.arrayValue else { throw InputError("\(field) must be a list of CIDRs", at: location) }
        var result = IntervalSet.empty
        for (index, entry) in list.enumerated() {
            guard let text = entry.stringValue else { throw InputError("\(field)[\(index)] must be a string", at: location) }
            if IPv4.isIPv6(text) {
                warnings.append("\(location.map { "\($0): " } ?? "")\(field)[\(index)]: IPv6 network \(text) is not analysed")
                continue
            }
            guard let block = IPv4.cidr(text.contains("/") ? text : text + "/32") else {
                throw InputError("\(field)[\(index)]: invalid CIDR \"\(text)\"", at: location)
            }
            result = result.union(block)
        }
        return result
    }
}
