import PalisadeCore

/// The resources findings name: workloads and policies, with the file and
/// line they were read from when known.
enum FindingResources {
    static func workload(_ endpoint: Endpoint) -> ResourceRef {
        let place = origin(endpoint.origin)
        return ResourceRef(apiVersion: apiVersion(ofWorkloadKind: endpoint.workloadKind), kind: endpoint.workloadKind,
                           namespace: endpoint.namespace, name: endpoint.name, file: place.file, line: place.line)
    }

    static func policy(_ policy: CompiledPolicy, tierKind: PolicyTier.Kind) -> ResourceRef {
        let ref = policy.ref
        let place = origin(ref.origin)
        // Kubernetes NetworkPolicies keep their selector type when Calico runs them in its default tier.
        let isKubernetes = policy.selector is KubeNetworkPolicy.PodsInNamespace
        return ResourceRef(apiVersion: isKubernetes ? "networking.k8s.io/v1" : apiVersion(ofPolicyKind: ref.kind, tierKind: tierKind), kind: ref.kind,
                           namespace: ref.namespace, name: ref.name, file: place.file, line: place.line)
    }

    /// Splits `file:line[:column]` into its file and line.
    static func origin(_ text: String?) -> (file: String?, line: Int?) {
        guard let text else { return (nil, nil) }
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 3, Int(parts[parts.count - 1]) != nil, Int(parts[parts.count - 2]) != nil { parts.removeLast() }
        guard parts.count >= 2, let line = Int(parts[parts.count - 1]) else { return (text, nil) }
        return (parts.dropLast().joined(separator: ":"), line)
    }

    static func apiVersion(ofWorkloadKind kind: String) -> String {
        switch kind {
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet": return "apps/v1"
        case "Job", "CronJob": return "batch/v1"
        case "Pod", "ReplicationController": return "v1"
        default: return ""
        }
    }

    static func apiVersion(ofPolicyKind kind: String, tierKind: PolicyTier.Kind) -> String {
        switch (tierKind, kind) {
        case (.calico, _), (.profile, _): return "projectcalico.org/v3"
        case (_, "NetworkPolicy"): return "networking.k8s.io/v1"
        case (_, "AdminNetworkPolicy"), (_, "BaselineAdminNetworkPolicy"): return "policy.networking.k8s.io/v1alpha1"
        case (_, "GlobalNetworkPolicy"): return "projectcalico.org/v3"
        default: return ""
        }
    }

    /// `spec.ingress[2]` for Kubernetes-shaped rules, with the rule's name when it has one.
    static func rulePath(_ direction: Direction, _ rule: PolicyRule) -> String {
        let base = "spec.\(direction == .ingress ? "ingress" : "egress")[\(rule.index)]"
        return rule.name.map { "\(base) (\($0))" } ?? base
    }
}
