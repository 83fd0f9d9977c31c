import PalisadeCore

/// Restricted `restrictedVolumes`: only a fixed set of inline volume sources
/// is allowed (replaces Baseline `hostPathVolumes`). `image` was added to
/// the 1.0 revision in place, so it is allowed at every version.
extension PodSecurityCheck {
    static let restrictedVolumes = PodSecurityCheck(id: "restrictedVolumes", level: .restricted, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, overrides: ["hostPathVolumes"], evaluate: restrictedVolumesV1Dot0),
    ])

    static let allowedVolumeSources = [
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image",
        "persistentVolumeClaim", "projected", "secret",
    ]

    /// Forbidden sources in the order upstream tests them.
    static let restrictedVolumeSources = [
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi",
        "glusterfs", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile",
        "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume",
        "scaleIO", "storageos",
    ]

    /// The restricted type a volume uses, or nil when its source is allowed.
    /// A volume without any known source is allowed: the API server defaults
    /// it to `emptyDir` before PodSecurity admission sees it.
    private static func restrictedType(_ volume: Value) -> String? {
        if allowedVolumeSources.contains(where: { volume.pssMember($0) != nil }) { return nil }
        return restrictedVolumeSources.first { volume.pssMember($0) != nil }
    }

    private static func restrictedVolumesV1Dot0(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var bad: [String] = []
        var types: [String] = []
        for volume in pod.spec.pssList("volumes") {
            guard let type = restrictedType(volume) else { continue }
            bad.append(volume.pssString("name") ?? "")
            types.append(type)
        }
        guard !bad.isEmpty else { return nil }
        let distinct = PodSecurityText.sortedSet(types)
        let detail = [
            PodSecurityText.pluralize("volume", "volumes", bad.count),
            PodSecurityText.joinQuote(bad),
            PodSecurityText.pluralize("uses", "use", bad.count),
            PodSecurityText.pluralize("restricted volume type", "restricted volume types", distinct.count),
            PodSecurityText.joinQuote(distinct),
        ].joined(separator: " ")
        return PodSecurityFinding(reason: "restricted volume types", detail: detail)
    }
}
