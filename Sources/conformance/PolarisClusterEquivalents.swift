/// Polaris checks about RBAC, Services, Ingress, NetworkPolicy and other non-pod objects, and the
/// Palisade controls (ids PAL-1xx) that cover them. A Polaris fixture agrees with Palisade when the
/// listed controls, run on the fixture's objects of the check's target kind with the whole file
/// as data.inventory, report nothing for a success file and at least one finding for a failure file.
enum PolarisClusterEquivalents {
    static let controls: [String: [String]] = [
        "clusterrolePodExecAttach": ["PAL-108"],
        "rolePodExecAttach": ["PAL-108"],
        "clusterrolebindingPodExecAttach": ["PAL-108", "PAL-122"],
        "rolebindingClusterRolePodExecAttach": ["PAL-108", "PAL-122"],
        "rolebindingRolePodExecAttach": ["PAL-108", "PAL-122"],
        "clusterrolebindingClusterAdmin": ["PAL-100"],
        "rolebindingClusterAdminClusterRole": ["PAL-100"],
        "rolebindingClusterAdminRole": ["PAL-100"],
        "missingNetworkPolicy": ["PAL-161", "PAL-162"],
        "tlsSettingsMissing": ["PAL-143"],
        "sensitiveConfigmapContent": ["PAL-181"],
    ]

    static let withoutEquivalent: [String: String] = [
        "hpaMaxAvailability": "Reliability check on HorizontalPodAutoscaler replica bounds; not a security control.",
        "hpaMinAvailability": "Reliability check on HorizontalPodAutoscaler minReplicas; not a security control.",
        "pdbDisruptionsIsZero": "Reliability check on PodDisruptionBudget settings; not a security control.",
        "pdbMinAvailableGreaterThanHPAMinReplicas": "Reliability check joining PodDisruptionBudget and HPA for Deployments; not a security control.",
        "missingPodDisruptionBudget": "Reliability check (a Deployment without a PodDisruptionBudget); not a security control.",
        "metadataAndInstanceMismatched": "Labelling convention (app.kubernetes.io/instance equals metadata.name); no security impact.",
    ]
}
