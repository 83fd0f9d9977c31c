import Kube
import PalisadeCore

/// Calico NetworkPolicy and GlobalNetworkPolicy compiled into the engine model.
///
/// A policy applies to the endpoints its `selector` picks (pods of its own
/// namespace for a NetworkPolicy; pods and host endpoints for a global one,
/// narrowed by `namespaceSelector`), further narrowed by
/// `serviceAccountSelector`. When `types` is omitted it is Ingress, plus
/// Egress when there are egress rules (Egress alone when only egress rules exist).
public enum CalicoPolicy {
    public static let group = "projectcalico.org"
    public static let kinds: Set<String> = ["NetworkPolicy", "GlobalNetworkPolicy"]

    /// The kind policy references carry: a Calico NetworkPolicy is `CalicoNetworkPolicy`,
    /// so it is never mistaken for a Kubernetes one of the same name.
    public static func refKind(_ kind: String) -> String { kind == "NetworkPolicy" ? "CalicoNetworkPolicy" : kind }

    /// The endpoints a policy applies to.
    struct Applies: EndpointSelector {
        var selector: CalicoSelector
        /// Set for a NetworkPolicy: only pods of that namespace.
        var namespace: String?
        var namespaceSelector: CalicoSelector?
        var serviceAccountSelector: CalicoSelector?
        var context: CalicoContext

        func selects(_ endpoint: Endpoint, in topology: Topology) -> Bool {
            guard endpoint.kind == .pod || endpoint.kind == .host else { return false }
            if let namespace, endpoint.namespace != namespace || endpoint.kind != .pod { return false }
            if let namespaceSelector {
                let scope = CalicoNamespaceScope.selected(namespaceSelector)
                guard scope.includes(namespace: endpoint.namespace, context: context, topology: topology) else { return false }
            }
            if let serviceAccountSelector {
                guard endpoint.kind == .pod, serviceAccountSelector.matches(context.serviceAccountLabels(of: endpoint)) else { return false }
            }
            return selector.matches(context.labels(of: endpoint))
        }

        var namespaceScope: String? { namespace }
    }

    /// A compiled policy with the tier it belongs to.
    public struct Compiled: Sendable {
        public var tier: String
        public var policy: CompiledPolicy
    }

    /// Compiles one NetworkPolicy or GlobalNetworkPolicy object.
    static func compile(_ object: KubeObject, context: CalicoContext, namespaceLabels: [String: [String: String]],
                        warnings: inout [String]) throws -> Compiled {
        let isGlobal = object.kind == "GlobalNetworkPolicy"
        let namespace = isGlobal ? nil : (object.namespace ?? "default")
        let title = "\(object.kind) \(namespace.map { "\($0)/" } ?? "")\(object.name)"
        let location = object.location
        guard let spec = object.value["spec"], case .object = spec else {
            throw InputError("\(title): spec must be an object", at: location)
        }
        try KnownFields.check(spec, allowed: ["order", "tier", "selector", "namespaceSelector", "serviceAccountSelector", "types",
                                              "ingress", "egress", "doNotTrack", "preDNAT", "applyOnForward", "performanceHints"],
                              field: "\(title): spec", at: location)
        let selector = try CalicoEntityRule.selector(spec["selector"], field: "\(title): spec.selector", at: location) ?? .all
        let namespaceSelector = try CalicoEntityRule.selector(spec["namespaceSelector"], field: "\(title): spec.namespaceSelector", at: location)
        if namespaceSelector != nil && !isGlobal {
            throw InputError("\(title): spec.namespaceSelector is only valid in a GlobalNetworkPolicy", at: location)
        }
        let saSelector = try CalicoEntityRule.selector(spec["serviceAccountSelector"], field: "\(title): spec.serviceAccountSelector", at: location)
        let order = try CalicoOrder.parse(spec["order"], field: "\(title): spec.order", at: location)
        let tier = spec["tier"]?.stringValue ?? CalicoTier.defaultName
        let reader = CalicoRuleReader(policyNamespace: namespace, context: context, namespaceLabels: namespaceLabels, location: location)
        let ingress = try reader.rules(spec["ingress"], .ingress, field: "\(title): spec.ingress", warnings: &warnings)
        let egress = try reader.rules(spec["egress"], .egress, field: "\(title): spec.egress", warnings: &warnings)
        let types = try policyTypes(spec["types"], hasIngress: !ingress.isEmpty, hasEgress: !egress.isEmpty, title: title, at: location)
        for (direction, rules) in [(Direction.ingress, ingress), (.egress, egress)] where !rules.isEmpty && !types.contains(direction) {
            warnings.append("\(location.map { "\($0): " } ?? "")\(title): \(direction.rawValue.lowercased()) rules are ignored because types does not list \(direction.rawValue)")
        }
        for field in ["doNotTrack", "preDNAT", "applyOnForward"] where spec[field]?.boolValue == true {
            warnings.append("\(location.map { "\($0): " } ?? "")\(title): spec.\(field) is not modelled; the policy is analysed as an ordinary policy")
        }
        let ref = PolicyRef(kind: refKind(object.kind), namespace: namespace, name: object.name, origin: location?.description)
        let applies = Applies(selector: selector, namespace: namespace, namespaceSelector: namespaceSelector,
                              serviceAccountSelector: saSelector, context: context)
        let policy = CompiledPolicy(ref: ref, selector: applies,
                                    ingress: types.contains(.ingress) ? ingress : nil,
                                    egress: types.contains(.egress) ? egress : nil, order: order)
        return Compiled(tier: tier, policy: policy)
    }

    static func policyTypes(_ value: Value?, hasIngress: Bool, hasEgress: Bool, title: String,
                            at location: SourceLocation?) throws -> Set<Direction> {
        guard let value, value != .null else {
            if hasEgress && !hasIngress { return [.egress] }
            return hasEgress ? [.ingress, .egress] : [.ingress]
        }
        guard let list = value.arrayValue else { throw InputError("\(title): spec.types must be a list", at: location) }
        var types: Set<Direction> = []
        for entry in list {
            guard let text = entry.stringValue, let direction = Direction(rawValue: text) else {
                throw InputError("\(title): spec.types: unknown type \(entry.stringValue.map { "\"\($0)\"" } ?? entry.typeName) (expected Ingress or Egress)", at: location)
            }
            types.insert(direction)
        }
        return types
    }
}
