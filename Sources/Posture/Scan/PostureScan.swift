import Kube
import PalisadeCore

/// A configured scan: the compiled controls (and optional Pod Security
/// Standards checks) that turn objects into a `ScanReport`. Build it once;
/// `scan` can run many times.
public struct PostureScan: Sendable {
    public let scanner: ControlScanner?
    public let podSecurity: PodSecurityControls?
    /// Only these PSS control ids run (`--control`); nil for all.
    public let podSecurityIDs: Set<String>?
    /// Kubescape rules run unchanged (`--kubescape`), and which of them run.
    public let kubescape: KubescapeControls?
    public let kubescapeIDs: Set<String>?

    public init(scanner: ControlScanner?, podSecurity: PodSecurityControls? = nil, podSecurityIDs: Set<String>? = nil,
                kubescape: KubescapeControls? = nil, kubescapeIDs: Set<String>? = nil) {
        self.scanner = scanner
        self.podSecurity = podSecurity
        self.podSecurityIDs = podSecurityIDs
        self.kubescape = kubescape
        self.kubescapeIDs = kubescapeIDs
    }

    /// Every control the scan runs, sorted by id.
    public var controls: [ControlInfo] {
        let rego = scanner?.library.controls.map(\.info) ?? []
        let pss = podSecurity?.controls.filter { podSecurityIDs?.contains($0.id) ?? true } ?? []
        let kubescape = kubescape?.controls.filter { kubescapeIDs?.contains($0.id) ?? true } ?? []
        return (rego + pss + kubescape).sorted { $0.id < $1.id }
    }

    public func scan(_ inputs: ScanInputs, settings: ScanSettings) -> ScanReport {
        let objects = inputs.objects
        var evaluations = scanner?.evaluate(objects, config: settings.controlConfig, now: settings.now, threads: settings.threads, profile: settings.profile)
            ?? objects.indices.map { ObjectEvaluation(object: $0, outcomes: []) }
        if let podSecurity {
            for pss in podSecurity.evaluate(objects, keeping: podSecurityIDs) { evaluations[pss.object].outcomes += pss.outcomes }
        }
        if let kubescape {
            for rule in kubescape.evaluate(objects, keeping: kubescapeIDs) { evaluations[rule.object].outcomes += rule.outcomes }
        }
        var builder = ScanReportBuilder(controls: controls, settings: settings)
        builder.errors = inputs.errors
        builder.notices = inputs.notices
        for evaluation in evaluations { builder.add(evaluation, object: objects[evaluation.object]) }
        builder.addExpiredFileExceptions()
        return builder.finish(inputs: inputs.descriptions, resourceCount: objects.count)
    }
}
