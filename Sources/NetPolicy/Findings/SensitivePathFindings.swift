import PalisadeCore

/// Paths from workloads that outside addresses can reach to sensitive
/// targets: a sensitive workload reachable from outside itself (NP-009), and
/// a one-hop path from an internet-facing workload to a database (NP-010),
/// the API server (NP-011) or the cloud metadata address (NP-012).
struct SensitivePathFindings {
    var engine: ConnectivityEngine
    var options: NetworkFindingOptions

    var topology: Topology { engine.topology }

    /// Connectivity by peer index (`topology.peers`: endpoints, then externals), cached per match pattern.
    private let pairs: PairwiseConnectivity

    init(engine: ConnectivityEngine, options: NetworkFindingOptions) {
        self.engine = engine
        self.options = options
        pairs = PairwiseConnectivity(engine: engine)
    }

    private var externalIndexes: Range<Int> { topology.endpoints.count..<(topology.endpoints.count + topology.externals.count) }

    func findings() -> [Finding] {
        let exposed = exposedWorkloads()
        var findings: [Finding] = []
        for (index, workload, entry) in exposed {
            if options.runs(.exposedSensitiveWorkload), let reason = sensitivity(of: workload) {
                findings.append(NetworkFindingRule.exposedSensitiveWorkload.finding(
                    resource: FindingResources.workload(workload), path: "ingress",
                    message: "\(workload.displayName) (\(reason)) accepts \(entry.connections.analyzerText) from outside the cluster (\(OverBroadRuleFindings.summary(entry.addresses))).",
                    details: .object(fields: ["connections": .string(entry.connections.analyzerText)])))
            }
            findings += internalPaths(from: index)
            findings += externalPaths(from: index)
        }
        return findings
    }

    struct Exposure {
        var addresses = IntervalSet.empty
        var connections = ConnectionSet.none
    }

    /// Pod endpoints some external range can connect to, with what reaches them.
    func exposedWorkloads() -> [(index: Int, endpoint: Endpoint, exposure: Exposure)] {
        topology.endpoints.enumerated().filter { $0.element.kind == .pod }.compactMap { index, workload in
            var exposure = Exposure()
            for external in externalIndexes {
                let allowed = pairs.allowed(external, index)
                if allowed.isEmpty { continue }
                exposure.addresses = exposure.addresses.union(pairs.peers[external].addresses)
                exposure.connections = exposure.connections.union(allowed)
            }
            return exposure.connections.isEmpty ? nil : (index, workload, exposure)
        }
    }

    private func sensitivity(of endpoint: Endpoint) -> String? {
        if SensitiveTargets.isAPIServer(endpoint) { return "the API server" }
        return SensitiveTargets.databaseReason(endpoint).map { "a database: \($0)" }
    }

    private func internalPaths(from sourceIndex: Int) -> [Finding] {
        let source = topology.endpoints[sourceIndex]
        var findings: [Finding] = []
        for (targetIndex, target) in topology.endpoints.enumerated() where targetIndex != sourceIndex {
            let rule: NetworkFindingRule
            let reason: String
            if SensitiveTargets.isAPIServer(target) {
                rule = .pathToAPIServer; reason = "the API server"
            } else if let why = SensitiveTargets.databaseReason(target) {
                rule = .pathToDatabase; reason = "a database: \(why)"
            } else {
                continue
            }
            guard options.runs(rule) else { continue }
            let allowed = pairs.allowed(sourceIndex, targetIndex)
            if allowed.isEmpty { continue }
            findings.append(rule.finding(
                resource: FindingResources.workload(source), path: "egress to \(target.displayName)",
                message: "\(source.displayName) is reachable from outside the cluster and can connect to \(target.displayName) (\(reason)): \(allowed.analyzerText).",
                details: .object(fields: ["target": .string(target.displayName), "connections": .string(allowed.analyzerText)])))
        }
        return findings
    }

    private func externalPaths(from sourceIndex: Int) -> [Finding] {
        let source = topology.endpoints[sourceIndex]
        var targets: [(NetworkFindingRule, IntervalSet, String)] = []
        if options.runs(.pathToMetadata) {
            targets.append((.pathToMetadata, IntervalSet(options.metadataAddress, options.metadataAddress), "the cloud metadata address"))
        }
        if options.runs(.pathToAPIServer) && !options.apiServerAddresses.isEmpty {
            targets.append((.pathToAPIServer, options.apiServerAddresses, "the API server"))
        }
        var findings: [Finding] = []
        for (rule, addresses, what) in targets {
            var reached = IntervalSet.empty
            var connections = ConnectionSet.none
            for externalIndex in externalIndexes where pairs.peers[externalIndex].addresses.intersects(addresses) {
                let external = pairs.peers[externalIndex]
                let allowed = pairs.allowed(sourceIndex, externalIndex)
                if allowed.isEmpty { continue }
                reached = reached.union(external.addresses.intersection(addresses))
                connections = connections.union(allowed)
            }
            if connections.isEmpty { continue }
            findings.append(rule.finding(
                resource: FindingResources.workload(source), path: "egress to \(what)",
                message: "\(source.displayName) is reachable from outside the cluster and can connect to \(what) (\(OverBroadRuleFindings.summary(reached))): \(connections.analyzerText).",
                details: .object(fields: ["connections": .string(connections.analyzerText)])))
        }
        return findings
    }
}
