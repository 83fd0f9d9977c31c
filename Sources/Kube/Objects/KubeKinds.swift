/// Facts about built-in Kubernetes kinds that do not need a cluster.
public enum KubeKinds {
    /// Built-in cluster-scoped kinds, keyed by group ("" is the core group).
    public static let clusterScoped: [String: Set<String>] = [
        "": ["Namespace", "Node", "PersistentVolume", "ComponentStatus"],
        "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
        "apiextensions.k8s.io": ["CustomResourceDefinition"],
        "apiregistration.k8s.io": ["APIService"],
        "storage.k8s.io": ["StorageClass", "CSIDriver", "CSINode", "VolumeAttachment"],
        "scheduling.k8s.io": ["PriorityClass"],
        "node.k8s.io": ["RuntimeClass"],
        "networking.k8s.io": ["IngressClass"],
        "policy": ["PodSecurityPolicy"],
        "certificates.k8s.io": ["CertificateSigningRequest"],
        "admissionregistration.k8s.io": [
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
            "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
        ],
        "flowcontrol.apiserver.k8s.io": ["FlowSchema", "PriorityLevelConfiguration"],
        "templates.gatekeeper.sh": ["ConstraintTemplate"],
        "constraints.gatekeeper.sh": [],
    ]

    /// True when `kind` in `group` is a built-in cluster-scoped kind.
    /// Gatekeeper constraints (group `constraints.gatekeeper.sh`) are all cluster-scoped.
    public static func isClusterScoped(group: String, kind: String) -> Bool {
        if group == "constraints.gatekeeper.sh" { return true }
        return clusterScoped[group]?.contains(kind) ?? false
    }
}
