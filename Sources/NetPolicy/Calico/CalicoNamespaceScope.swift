/// Which endpoints a selector may reach, by namespace.
public enum CalicoNamespaceScope: Sendable, Hashable {
    /// Every endpoint, namespaced or not (a global policy without namespaceSelector).
    case everywhere
    /// Endpoints of one namespace (a namespaced policy without namespaceSelector).
    case namespace(String)
    /// Endpoints of the namespaces a namespaceSelector picks. Inside it `all()`
    /// means "namespaced" and `global()` "not namespaced" (host endpoints,
    /// global network sets); non-namespaced ones are reached only through `global()`.
    case selected(CalicoSelector)

    /// The scope of a rule entity or policy: its namespaceSelector when present,
    /// else the policy's namespace, else everything.
    static func of(namespaceSelector: CalicoSelector?, policyNamespace: String?) -> CalicoNamespaceScope {
        if let namespaceSelector { return .selected(namespaceSelector) }
        if let policyNamespace { return .namespace(policyNamespace) }
        return .everywhere
    }

    /// True when something in `namespace` (nil: not namespaced) is in scope.
    func includes(namespace: String?, context: CalicoContext, topology: Topology?) -> Bool {
        switch self {
        case .everywhere: return true
        case .namespace(let own): return namespace == own
        case .selected(let selector):
            guard let namespace else { return selector.mentionsGlobal && selector.matchesNamespace([:], namespaced: false) }
            let labels = topology.map { context.namespaceLabels(namespace, in: $0) }
                ?? [Topology.namespaceNameLabel: namespace, CalicoLabels.namespaceName: namespace]
            return selector.matchesNamespace(labels, namespaced: true)
        }
    }

    /// Network sets are matched before any topology exists; their namespaces'
    /// labels come from the Namespace objects read alongside.
    func includes(_ set: CalicoNetworkSet, namespaceLabels: [String: [String: String]]) -> Bool {
        switch self {
        case .everywhere: return true
        case .namespace(let own): return set.namespace == own
        case .selected(let selector):
            guard let ns = set.namespace else { return selector.mentionsGlobal && selector.matchesNamespace([:], namespaced: false) }
            var labels = namespaceLabels[ns] ?? [:]
            labels[Topology.namespaceNameLabel] = labels[Topology.namespaceNameLabel] ?? ns
            labels[CalicoLabels.namespaceName] = ns
            return selector.matchesNamespace(labels, namespaced: true)
        }
    }
}
