/// Restricted `capabilities_restricted` (1.22+): every container must drop
/// `ALL` and may add only `NET_BIND_SERVICE` (replaces
/// `capabilities_baseline`); from 1.25 Windows pods are exempt.
extension PodSecurityCheck {
    static let capabilitiesRestricted = PodSecurityCheck(id: "capabilities_restricted", level: .restricted, versions: [
        PodSecurityVersionedCheck(minimumMinor: 22, overrides: ["capabilities_baseline"], evaluate: capabilitiesRestrictedV1Dot22),
        PodSecurityVersionedCheck(minimumMinor: 25, overrides: ["capabilities_baseline"]) { pod in
            pod.isWindows ? nil : capabilitiesRestrictedV1Dot22(pod)
        },
    ])

    private static func capabilitiesRestrictedV1Dot22(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var missingDropAll: [String] = []
        var adding: [String] = []
        var added: [String] = []
        for container in pod.containers {
            guard let capabilities = container.securityContext?.pssMember("capabilities") else {
                missingDropAll.append(container.name)
                continue
            }
            if !capabilities.pssStrings("drop").contains("ALL") { missingDropAll.append(container.name) }
            let forbidden = capabilities.pssStrings("add").filter { $0 != "NET_BIND_SERVICE" }
            if !forbidden.isEmpty { adding.append(container.name); added += forbidden }
        }
        var details: [String] = []
        if !missingDropAll.isEmpty {
            details.append("\(PodSecurityText.containers(missingDropAll)) must set securityContext.capabilities.drop=[\"ALL\"]")
        }
        if !adding.isEmpty {
            details.append("\(PodSecurityText.containers(adding)) must not include \(PodSecurityText.joinQuote(PodSecurityText.sortedSet(added))) in securityContext.capabilities.add")
        }
        guard !details.isEmpty else { return nil }
        return PodSecurityFinding(reason: "unrestricted capabilities", detail: details.joined(separator: "; "))
    }
}
