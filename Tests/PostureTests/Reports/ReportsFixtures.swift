import PalisadeCore
@testable import Posture

/// Scan reports built by hand. Scores follow docs/controls.md: per control
/// (passed + exempted) / total × 100; per framework and overall the mean over
/// controls that applied to at least one resource.
enum ReportsFixtures {
    static let privileged = ControlInfo(
        id: "PAL-001", title: "Privileged container",
        description: "Containers running privileged have every capability and all host devices.",
        severity: .critical, remediation: "Remove securityContext.privileged or set it to false.",
        kinds: ["Pod", "Deployment", "DaemonSet"],
        mappings: [ControlMapping(framework: .nsaCisa, control: "Pod security: non-root and unprivileged containers"),
                   ControlMapping(framework: .mitreAttack, control: "T1611"), ControlMapping(framework: .cis, control: "5.2.2")],
        references: ["https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF"])
    static let runAsRoot = ControlInfo(
        id: "PAL-010", title: "Container may run as root", severity: .high,
        remediation: "Set runAsNonRoot: true.", kinds: ["Pod", "Deployment"],
        mappings: [ControlMapping(framework: .cis, control: "5.2.6"), ControlMapping(framework: .podSecurityStandards, control: "restricted")])
    static let nodePort = ControlInfo(
        id: "PAL-140", title: "Service of type NodePort", severity: .medium, kinds: ["Service"],
        mappings: [ControlMapping(framework: .nsaCisa, control: "Network separation")])
    static let unusedControl = ControlInfo(id: "PAL-180", title: "Unused control", severity: .low, kinds: ["CronJob"])

    static let web = ResourceRef(apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web",
                                 file: "manifests/web.yaml", line: 12)
    static let cilium = ResourceRef(apiVersion: "apps/v1", kind: "DaemonSet", namespace: "kube-system", name: "cilium")
    static let debugPod = ResourceRef(apiVersion: "v1", kind: "Pod", namespace: "default", name: "debug")

    static let privilegedWeb = Finding(
        ruleID: "PAL-001", title: "Privileged container", severity: .critical, resource: web,
        path: "spec.template.spec.containers[0].securityContext.privileged", message: "container \"web\" is privileged",
        remediation: privileged.remediation, mappings: privileged.mappings)
    static let ciliumExpiry = Timestamp(parsing: "2027-03-31") ?? Timestamp(seconds: 0)
    static let privilegedCilium = Finding(
        ruleID: "PAL-001", title: "Privileged container", severity: .critical, resource: cilium,
        path: "spec.template.spec.containers[0].securityContext.privileged", message: "container \"agent\" is privileged",
        mappings: privileged.mappings,
        status: .exempted(Exemption(justification: "CNI agent needs host access", expires: ciliumExpiry, source: "exceptions.yaml")))
    static let rootDebug = Finding(
        ruleID: "PAL-010", title: "Container may run as root", severity: .high, resource: debugPod,
        path: "spec.containers[0].securityContext.runAsNonRoot", message: "container \"shell\" may run as root")

    /// PAL-001: 1 passed, 1 failed, 1 exempted → 66.67 %; PAL-010: 2/1/0 → 66.67 %;
    /// PAL-140: 3/0/0 → 100 %; PAL-180: applied to nothing. Overall (66.67+66.67+100)/3 = 77.78 %.
    static let controls = [
        ControlResult(control: privileged, passed: 1, failed: 1, exempted: 1),
        ControlResult(control: runAsRoot, passed: 2, failed: 1, exempted: 0),
        ControlResult(control: nodePort, passed: 3, failed: 0, exempted: 0),
        ControlResult(control: unusedControl, passed: 0, failed: 0, exempted: 0),
    ]
    static let frameworks = [
        FrameworkScore(framework: .cis, score: 200.0 / 3, controls: 2, failedControls: 2),
        FrameworkScore(framework: .mitreAttack, score: 200.0 / 3, controls: 1, failedControls: 1),
        FrameworkScore(framework: .nsaCisa, score: 250.0 / 3, controls: 2, failedControls: 1),
        FrameworkScore(framework: .podSecurityStandards, score: 200.0 / 3, controls: 1, failedControls: 1),
    ]

    static func sample(reversed: Bool = false) -> ScanReport {
        var severityCounts: [Severity: Int] = [:]
        let counts: [(Severity, Int)] = [(.critical, 1), (.high, 1), (.medium, 0), (.low, 0), (.info, 0)]
        for (severity, count) in reversed ? counts.reversed() : counts { severityCounts[severity] = count }
        let findings = [privilegedWeb, privilegedCilium, rootDebug]
        return ScanReport(
            inputs: ["manifests/", "cluster:kind-dev"], resourceCount: 9,
            controls: reversed ? controls.reversed() : controls,
            findings: reversed ? findings.reversed() : findings,
            frameworks: reversed ? frameworks.reversed() : frameworks,
            overallScore: (200.0 / 3 + 200.0 / 3 + 100) / 3, severityCounts: severityCounts,
            errors: ["manifests/broken.yaml:3: mapping values are not allowed here"],
            notices: ["manifests/notes.yaml:1: skipped a document that is not a Kubernetes object"])
    }

    static let hostileText = "<script>alert(\"x\")</script> & 'quoted' | pipe ]]> \u{1B}[31mred"

    /// Every free-text field carries markup, quotes, ampersands, pipes and an escape sequence.
    static func hostile() -> ScanReport {
        let info = ControlInfo(id: "USR-<1>", title: "Title " + hostileText, description: "Description " + hostileText,
                               severity: .high, remediation: "Fix " + hostileText, kinds: ["Pod"],
                               mappings: [ControlMapping(framework: .cis, control: "5.1 <b>")],
                               references: ["javascript:alert(1)", "https://example.com/?a=1&b=\"2\""])
        let resource = ResourceRef(apiVersion: "v1", kind: "Pod", namespace: "ns\"<x>", name: "pod<script>&",
                                   file: "dir with space/<evil>.yaml", line: 4)
        let failed = Finding(ruleID: info.id, title: info.title, severity: .high, resource: resource,
                             path: "spec.containers[0].name", message: "Message " + hostileText)
        let exempted = Finding(ruleID: info.id, title: info.title, severity: .high,
                               resource: ResourceRef(kind: "Pod", namespace: "a|b", name: "c"),
                               message: "Exempted " + hostileText,
                               status: .exempted(Exemption(justification: "Because " + hostileText)))
        return ScanReport(
            inputs: ["<input>&"], resourceCount: 2,
            controls: [ControlResult(control: info, passed: 0, failed: 1, exempted: 1)],
            findings: [failed, exempted],
            frameworks: [FrameworkScore(framework: .cis, score: 50, controls: 1, failedControls: 1)],
            overallScore: 50, severityCounts: [.high: 1],
            errors: ["Error " + hostileText], notices: ["Notice " + hostileText])
    }

    static func empty() -> ScanReport {
        ScanReport(inputs: ["-"], resourceCount: 0, controls: [], findings: [], frameworks: [],
                   overallScore: 100, severityCounts: [:])
    }
}
