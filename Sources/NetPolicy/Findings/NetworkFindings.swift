import PalisadeCore

/// The network-policy findings of a topology, as the shared `Finding` type:
/// isolation gaps, policies that select nothing, shadowed and redundant
/// rules, over-broad rules and paths from internet-facing workloads to
/// sensitive ones.
public struct NetworkFindings: Sendable {
    public let engine: ConnectivityEngine
    public var options: NetworkFindingOptions

    public init(topology: Topology, options: NetworkFindingOptions = NetworkFindingOptions()) {
        self.init(engine: ConnectivityEngine(topology: topology), options: options)
    }

    public init(engine: ConnectivityEngine, options: NetworkFindingOptions = NetworkFindingOptions()) {
        self.engine = engine
        self.options = options
    }

    public var topology: Topology { engine.topology }

    /// Every finding, in report order.
    public func findings() -> [Finding] {
        var findings: [Finding] = []
        findings += IsolationFindings(topology: topology, options: options).findings()
        if options.runs(.policySelectsNothing) { findings += UnusedPolicyFindings(topology: topology).findings() }
        if options.runs(.shadowedRule) || options.runs(.redundantRule) {
            findings += RuleCoverageFindings(topology: topology).findings().filter { finding in
                options.rules.isEmpty || options.rules.contains { $0.id == finding.ruleID }
            }
        }
        findings += OverBroadRuleFindings(topology: topology, options: options).findings()
        findings += SensitivePathFindings(engine: engine, options: options).findings()
        return findings.sortedForReport()
    }
}
