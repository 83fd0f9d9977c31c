/// Baseline `sysctls`: only the "safe" sysctls may be set; the safe list
/// grew in 1.27, 1.29, 1.32 and 1.37.
extension PodSecurityCheck {
    static let sysctls = PodSecurityCheck(id: "sysctls", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0) { sysctls($0, allowed: safeSysctlsV1Dot0) },
        PodSecurityVersionedCheck(minimumMinor: 27) { sysctls($0, allowed: safeSysctlsV1Dot27) },
        PodSecurityVersionedCheck(minimumMinor: 29) { sysctls($0, allowed: safeSysctlsV1Dot29) },
        PodSecurityVersionedCheck(minimumMinor: 32) { sysctls($0, allowed: safeSysctlsV1Dot32) },
        PodSecurityVersionedCheck(minimumMinor: 37) { sysctls($0, allowed: safeSysctlsV1Dot37) },
    ])

    static let safeSysctlsV1Dot0: Set<String> = [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
    ]
    static let safeSysctlsV1Dot27 = safeSysctlsV1Dot0.union(["net.ipv4.ip_local_reserved_ports"])
    static let safeSysctlsV1Dot29 = safeSysctlsV1Dot27.union([
        "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
        "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
    ])
    static let safeSysctlsV1Dot32 = safeSysctlsV1Dot29.union(["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"])
    static let safeSysctlsV1Dot37 = safeSysctlsV1Dot32.union([
        "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat",
    ])

    private static func sysctls(_ pod: PodSecurityPodView, allowed: Set<String>) -> PodSecurityFinding? {
        let forbidden = (pod.securityContext?.pssList("sysctls") ?? [])
            .map { $0.pssString("name") ?? "" }
            .filter { !allowed.contains($0) }
        guard !forbidden.isEmpty else { return nil }
        return PodSecurityFinding(reason: "forbidden sysctls", detail: forbidden.joined(separator: ", "))
    }
}
