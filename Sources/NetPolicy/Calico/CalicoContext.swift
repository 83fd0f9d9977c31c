/// Labels Calico attaches to endpoints and namespaces by itself.
public enum CalicoLabels {
    public static let namespace = "projectcalico.org/namespace"
    public static let orchestrator = "projectcalico.org/orchestrator"
    public static let serviceAccount = "projectcalico.org/serviceaccount"
    /// On namespaces: the namespace's name.
    public static let namespaceName = "projectcalico.org/name"
}

/// What Calico selectors and rules see beyond an endpoint's own fields:
/// profiles (and the labels they apply), host endpoint profile lists,
/// service account labels and network sets.
///
/// Everything here is looked up by namespace, service account, labels or
/// host name, so endpoints the engine groups together stay alike.
public struct CalicoContext: Sendable {
    /// Explicit Profile objects by name.
    public var profiles: [String: CalicoProfile] = [:]
    /// Host endpoint name → its `spec.profiles`.
    public var hostProfiles: [String: [String]] = [:]
    /// `namespace/name` → labels of the ServiceAccount.
    public var serviceAccountLabels: [String: [String: String]] = [:]
    public var networkSets: [CalicoNetworkSet] = []

    public init() {}

    /// The profiles an endpoint carries, in evaluation order: `kns.<ns>` and
    /// `ksa.<ns>.<sa>` for pods, the declared list for host endpoints.
    public func profileNames(of endpoint: Endpoint) -> [String] {
        switch endpoint.kind {
        case .pod:
            guard let ns = endpoint.namespace else { return [] }
            return ["kns.\(ns)", "ksa.\(ns).\(endpoint.serviceAccount)"]
        case .host: return hostProfiles[endpoint.name] ?? []
        default: return []
        }
    }

    /// The labels selectors match: the endpoint's own, then (where it has none
    /// of that key) its profiles' `labelsToApply`, plus Calico's own labels for pods.
    public func labels(of endpoint: Endpoint) -> [String: String] {
        var labels = endpoint.labels
        for name in profileNames(of: endpoint) {
            for (key, value) in profiles[name]?.labelsToApply ?? [:] where labels[key] == nil { labels[key] = value }
        }
        if endpoint.kind == .pod, let ns = endpoint.namespace {
            labels[CalicoLabels.namespace] = labels[CalicoLabels.namespace] ?? ns
            labels[CalicoLabels.orchestrator] = labels[CalicoLabels.orchestrator] ?? "k8s"
            labels[CalicoLabels.serviceAccount] = labels[CalicoLabels.serviceAccount] ?? endpoint.serviceAccount
        }
        return labels
    }

    /// A namespace's labels as namespaceSelectors see them.
    public func namespaceLabels(_ namespace: String, in topology: Topology) -> [String: String] {
        var labels = topology.namespaceLabels(namespace)
        labels[CalicoLabels.namespaceName] = namespace
        return labels
    }

    public func serviceAccountLabels(of endpoint: Endpoint) -> [String: String] {
        serviceAccountLabels["\(endpoint.namespace ?? "")/\(endpoint.serviceAccount)"] ?? [:]
    }
}
