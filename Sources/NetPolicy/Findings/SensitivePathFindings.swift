import PalisadeCore

/// Paths from workloads that outside addresses can reach to sensitive
/// targets: a sensitive workload reachable from outside itself (NP-009), and
/// a one-hop path from an internet-facing workload to a database (NP-010),
/// the API server (NP-011) or the cloud metadata address (NP-012).
struct SensitivePathFindings {
    var engine: ConnectivityEngine
    var options: NetworkFindingOptions

    var topology: Topology { engine.topology }

    func findings() -> [Finding] {
        let exposed = exposedWorkloads()
        var findings: [Finding] = []
        for (workload, entry) in exposed {
            if options.runs(.exposedSensitiveWorkload), let reason = sensitivity(of: workload) {
                findings.append(NetworkFindingRule.exposedSensitiveWorkload.finding(
                    resource: FindingResources.workload(workload), path: "ingress",
                    message: "\(workload.displayName) (\(reason)) accepts \(entry.connections.analyzerText) from outside the cluster (\(OverBroadRuleFindings.summary(entry.addresses))).",
                    details: .object(fields: ["connections": .string(entry.connections.analyzerText)])))
            }
            findings += internalPaths(from: workload)
            findings += externalPaths(from: workload)
        }
        return findings
    }

    struct Exposure {
        var addresses = IntervalSet.empty
        var connections = ConnectionSet.none
    }

    /// Pod endpoints some external range can connect to, with what reaches them.
    func exposedWorkloads() -> [(Endpoint, Exposure)] {
        topology.endpoints.filter { $0.kind == .pod }.compactMap { workload in
            var exposure = Exposure()
            for external in topology.externals {
                let allowed = engine.allowed(from: external, to: workload)
                if allowed.isEmpty { continue }
                exposure.addresses = exposure.addresses.union(external.addresses)
                exposure.connections = exposure.connections.union(allowed)
            }
            return exposure.connections.isEmpty ? nil : (workload, exposure)
        }
    }

    private func sensitivity(of endpoint: Endpoint) -> String? {
        if SensitiveTargets.isAPIServer(endpoint) { return "the API server" }
        return SensitiveTargets.databaseReason(endpoint).map { "a database: \($0)" }
    }

    private func internalPaths(from source: Endpoint) -> [Finding] {
        var findings: [Finding] = []
        for target in topology.endpoints where target.displayName != source.displayName {
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
            let allowed = engine.allowed(from: source, to: target)
            if allowed.isEmpty { continue }
            findings.append(rule.finding(
                resource: FindingResources.workload(source), path: "egress to \(target.displayName)",
                message: "\(source.displayName) is reachable from outside the cluster and can connect to \(target.displayName) (\(reason)): \(allowed.analyzerText).",
                details: .object(fields: ["target": .string(target.displayName), "connections": .string(allowed.analyzerText)])))
        }
        return findings
    }

    private func externalPaths(from source: Endpoint) -> [Finding] {
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
            for external in topology.externals where external.addresses.intersects(addresses) {
                let allowed = engine.allowed(from: source, to: external)
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
