import Foundation
import NetPolicy
import PalisadeCore

/// Runs the queries of one scheme over its configurations, with NCA's way of
/// pairing configurations and counting results.
final class NCAQueryRunner {
    struct Outcome {
        var count = 0
        var notExecuted = 0
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    let scheme: NCAScheme
    private var built: [String: NCAConfig] = [:]
    private var connectivity: [String: ConfigurationConnectivity] = [:]
    private let inputs = NCAInputCache()

    init(scheme: NCAScheme) { self.scheme = scheme }

    func config(named name: String) throws -> NCAConfig {
        if let known = built[name] { return known }
        guard let spec = scheme.configs.first(where: { $0.name == name }) else { throw Failure(description: "NetworkPolicyList \(name) is undefined") }
        let config = NCAConfigBuilder(scheme: scheme, cache: inputs).build(spec)
        built[name] = config
        return config
    }

    /// A config or one policy of it (`cfg/ns/policy`, `cfg/Kind/ns/policy`).
    func resolve(_ reference: String) throws -> NCAConfig {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var config = try self.config(named: parts[0])
        guard parts.count > 1 else { return config }
        let kind: String? = parts.count == 4 ? parts[1] : nil
        let policyName = parts.count == 4 ? parts[2...].joined(separator: "/") : parts[1...].joined(separator: "/")
        let candidates = config.configuration.positions.filter { position in
            let ref = config.configuration.policy(at: position).ref
            return ref.qualifiedName == policyName || ref.name == policyName
        }
        let chosen = candidates.first { position in
            guard let kind else { return true }
            let refKind = config.configuration.policy(at: position).ref.kind
            switch kind {
            case "K8sNetworkPolicy": return refKind == "NetworkPolicy"
            case "CalicoGlobalNetworkPolicy": return refKind.contains("Global")
            case "CalicoNetworkPolicy": return refKind != "NetworkPolicy" && !refKind.contains("Global") || candidates.count == 1
            default: return true
            }
        } ?? candidates.first
        guard let chosen else { throw Failure(description: "policy \(policyName) not found in \(parts[0])") }
        config.configuration = config.configuration.keepingOnly(chosen, name: reference)
        return config
    }

    func connectivity(_ reference: String) throws -> ConfigurationConnectivity {
        if let known = connectivity[reference] { return known }
        let result = ConfigurationConnectivity(try resolve(reference).configuration)
        connectivity[reference] = result
        return result
    }

    // MARK: counting

    func run(_ query: NCAScheme.Query) throws -> Outcome {
        let refs = query.configs
        for ref in refs where try resolve(ref).configuration.topology.endpoints.isEmpty {
            return Outcome(count: 0, notExecuted: 1)
        }
        switch query.type {
        case "connectivityMap": return Outcome()
        case "sanity", "emptiness", "vacuity", "redundancy", "disjointness", "allCaptured":
            var outcome = Outcome()
            for ref in refs { outcome.count += try single(query, ref) }
            return outcome
        case "containment", "interferes", "permits", "forbids":
            var outcome = Outcome()
            guard let base = refs.first, refs.count > 1 else { return outcome }
            for other in refs.dropFirst() { add(try versusBase(query.type, other: other, base: base), to: &outcome) }
            return outcome
        case "pairwiseInterferes":
            var outcome = Outcome()
            for a in refs { for b in refs where a != b { add(try versusBase("interferes", other: a, base: b), to: &outcome) } }
            return outcome
        default:
            var outcome = Outcome()
            for i in refs.indices { for j in refs.indices where j > i { add(try pair(query.type, refs[i], refs[j]), to: &outcome) } }
            return outcome
        }
    }

    private func add(_ part: Outcome, to outcome: inout Outcome) {
        outcome.count += part.count
        outcome.notExecuted += part.notExecuted
    }

    private func single(_ query: NCAScheme.Query, _ ref: String) throws -> Int {
        let configuration = try resolve(ref).configuration
        switch query.type {
        case "sanity": return Sanity.issues(try connectivity(ref)).count
        case "emptiness": return PolicyEmptiness.findings(in: configuration).reduce(0) { $0 + $1.count }
        case "vacuity": return Vacuity.isVacuous(try connectivity(ref)) ? 1 : 0
        case "redundancy": return Redundancy.report(try connectivity(ref)).count
        case "disjointness": return Disjointness.overlaps(in: configuration).count
        default:
            guard configuration.hasPolicies else { return configuration.topology.endpoints.count }
            let uncaptured = CaptureCoverage.uncaptured(configuration.topology)
            if query.outputEndpoints != "pods" {
                let peers = try resolve(ref).peers
                func workloads(_ list: [Endpoint]) -> Int { Set(list.map { peers.names[$0.displayName]?.workload ?? $0.displayName }).count }
                return workloads(uncaptured.ingress) + workloads(uncaptured.egress)
            }
            return uncaptured.count
        }
    }

    /// `other` measured against `base` (NCA runs these as query(other, base)).
    private func versusBase(_ type: String, other: String, base: String) throws -> Outcome {
        let o = try connectivity(other), b = try connectivity(base)
        let sameTopology = o.configuration.hasSameTopology(as: b.configuration)
        switch type {
        case "containment":
            return Outcome(count: Containment.check(o, in: b, firstOnly: true) == .contained ? 1 : 0)
        case "interferes":
            guard sameTopology else { return Outcome(count: 0, notExecuted: 1) }
            return Outcome(count: Interference.interferes(o, with: b).isEmpty ? 0 : 1)
        case "permits":
            guard o.configuration.hasPolicies, sameTopology else { return Outcome(count: 0, notExecuted: 1) }
            if o.configuration.hasSamePolicies(as: b.configuration) { return Outcome() }
            return Outcome(count: Interference.unpermitted(o, by: b) == .contained ? 0 : 1)
        default:
            guard o.configuration.hasPolicies, sameTopology else { return Outcome(count: 0, notExecuted: 1) }
            return Outcome(count: Interference.unforbidden(o, by: b).isEmpty ? 0 : 1)
        }
    }

    private func pair(_ type: String, _ first: String, _ second: String) throws -> Outcome {
        let a = try connectivity(first), b = try connectivity(second)
        let sameTopology = a.configuration.hasSameTopology(as: b.configuration)
        let samePolicies = sameTopology && a.configuration.hasSamePolicies(as: b.configuration)
        switch type {
        case "equivalence":
            guard sameTopology else { return Outcome(count: 1, notExecuted: 1) }
            return Outcome(count: samePolicies || Equivalence.areEquivalent(a, b) ? 0 : 1)
        case "strongEquivalence":
            guard sameTopology else { return Outcome(count: 1, notExecuted: 1) }
            return Outcome(count: samePolicies || Equivalence.strongDifference(a.configuration, b.configuration) == nil ? 0 : 1)
        case "semanticDiff":
            if samePolicies { return Outcome() }
            return Outcome(count: SemanticDiff.changedCategoryCount(SemanticDiff.compute(a.configuration, b.configuration)))
        case "twoWayContainment":
            if samePolicies { return Outcome() }
            switch Containment.relation(a, b) {
            case .equivalent: return Outcome(count: 3)
            case .secondContainsFirst: return Outcome(count: 2)
            case .firstContainsSecond: return Outcome(count: 1)
            case .neither: return Outcome(count: 0)
            }
        default:
            throw Failure(description: "query type \(type) is not supported")
        }
    }
}
