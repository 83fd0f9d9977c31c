/// Which Palisade workload controls (PAL-001..099) cover each Polaris check
/// about workloads, pods and containers (checks-defs of the Polaris corpus,
/// plus the custom checks its fixtures define). RBAC checks are mapped by the
/// RBAC controls' table.
enum PolarisWorkloadEquivalents {
    /// Polaris check name -> the control ids that report the same problem.
    static let controls: [String: [String]] = [
        "automountServiceAccountToken": ["PAL-040"],
        "cpuLimitsMissing": ["PAL-030"],
        "cpuRequestsMissing": ["PAL-029"],
        "dangerousCapabilities": ["PAL-006"],
        "deploymentMissingReplicas": ["PAL-045"],
        "hostIPCSet": ["PAL-004"],
        "hostNetworkSet": ["PAL-002"],
        "hostPIDSet": ["PAL-003"],
        "hostPathSet": ["PAL-022"],
        "hostPortSet": ["PAL-005"],
        "hostProcess": ["PAL-026"],
        "hpaMaxAvailability": ["PAL-058"],
        "hpaMinAvailability": ["PAL-057"],
        "linuxHardening": ["PAL-056"],
        "livenessProbeMissing": ["PAL-033"],
        "memoryLimitsMissing": ["PAL-032"],
        "memoryRequestsMissing": ["PAL-031"],
        "missingPodDisruptionBudget": ["PAL-046"],
        "notReadOnlyRootFilesystem": ["PAL-015"],
        "pdbDisruptionsIsZero": ["PAL-054"],
        "pdbMinAvailableGreaterThanHPAMinReplicas": ["PAL-055"],
        "priorityClassNotSet": ["PAL-047"],
        "privilegeEscalationAllowed": ["PAL-014"],
        "procMount": ["PAL-020"],
        "pullPolicyNotAlways": ["PAL-038"],
        "readinessProbeMissing": ["PAL-034"],
        "runAsPrivileged": ["PAL-001"],
        "runAsRootAllowed": ["PAL-011"],
        "sensitiveConfigmapContent": ["PAL-044"],
        "sensitiveContainerEnvVar": ["PAL-043"],
        "tagNotSpecified": ["PAL-036"],
        "topologySpreadConstraint": ["PAL-048"],
    ]

    /// Polaris check name -> why no workload control is its equivalent.
    static let withoutEquivalent: [String: String] = [
        "insecureCapabilities": "Polaris accepts ALL in any case and an explicit drop list of the default capabilities; the closest control, PAL-008, follows the Restricted Pod Security Standard, which requires exactly \"ALL\"",
        "metadataAndInstanceMismatched": "a labelling convention (app.kubernetes.io/instance equals metadata.name), not a security or availability property",
        "missingNetworkPolicy": "network isolation of workloads is covered by the network and namespace controls (PAL-160..179)",
        "tlsSettingsMissing": "Ingress TLS is an exposure check, covered by the exposure controls (PAL-140..159)",
        "nakedPod": "a custom check defined only by the Polaris test fixtures (a label rule on Pods), not a built-in check; naked pods are PAL-049",
        "oneController": "a custom check defined only by the Polaris test fixtures (a label rule on StatefulSets), not a built-in check",
        "resourceRange": "a custom check defined only by the Polaris test fixtures with site-specific CPU and memory bounds; presence of limits is PAL-030 and PAL-032",
    ]
}
