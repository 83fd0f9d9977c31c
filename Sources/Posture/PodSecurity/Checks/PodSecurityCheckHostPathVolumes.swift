/// Baseline `hostPathVolumes`: no `hostPath` volumes (replaced at Restricted
/// by `restrictedVolumes`).
extension PodSecurityCheck {
    static let hostPathVolumes = PodSecurityCheck(id: "hostPathVolumes", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, evaluate: hostPathVolumesV1Dot0),
    ])

    private static func hostPathVolumesV1Dot0(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        let bad = pod.spec.pssList("volumes")
            .filter { $0.pssMember("hostPath") != nil }
            .map { $0.pssString("name") ?? "" }
        guard !bad.isEmpty else { return nil }
        let detail = "\(PodSecurityText.pluralize("volume", "volumes", bad.count)) \(PodSecurityText.joinQuote(bad))"
        return PodSecurityFinding(reason: "hostPath volumes", detail: detail)
    }
}
