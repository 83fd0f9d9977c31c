import Foundation
import NetPolicy
import PalisadeCore

/// Compares a query's answer with its golden output by meaning: both sides
/// are expanded to (source, destination) → connections.
struct NCAGoldenCheck {
    let runner: NCAQueryRunner

    func check(_ query: NCAScheme.Query, goldenPath: String) -> String? {
        guard let text = try? String(contentsOfFile: goldenPath, encoding: .utf8) else { return "cannot read \(goldenPath)" }
        do {
            let results = try NCAGoldenParser.parse(text, format: query.format)
            switch query.type {
            case "connectivityMap": return try connectivity(query, results)
            case "semanticDiff": return try semanticDiff(query, results)
            default: return nil
            }
        } catch {
            return "\(error)"
        }
    }

    // MARK: connectivity map

    func connectivity(_ query: NCAScheme.Query, _ results: [[NCAGoldenSection]]) throws -> String? {
        guard results.count == query.configs.count else {
            return "golden has \(results.count) results for \(query.configs.count) configs"
        }
        for (ref, sections) in zip(query.configs, results) {
            let config = try runner.resolve(ref)
            let rules = sections.flatMap(\.rules)
            let actual = connections(config, subset: NCASubset(query.subset))
            let topology = config.configuration.topology
            let expansion = NCAPairExpansion(endpoints: topology.endpoints, peers: config.peers, universe: topology.model.universe,
                                             cuts: topology.model.namedAddressBlocks + NCAPairExpansion.blocks(rules))
            if let difference = NCAPairExpansion.compare(expected: try expansion.expand(rules), actual: expansion.expand(actual)) {
                return "\(ref): \(difference)"
            }
        }
        return nil
    }

    /// Every allowed pair, NCA's way: pod pairs and pod/range pairs; with a
    /// subset, only pairs with an end in it.
    func connections(_ config: NCAConfig, subset: NCASubset) -> [PeerConnection] {
        let connectivity = ConfigurationConnectivity(config.configuration)
        let topology = config.configuration.topology
        let peers = topology.endpoints + topology.externals
        var result: [PeerConnection] = []
        for source in peers {
            for destination in peers where destination.displayName != source.displayName {
                if source.kind == .external && destination.kind == .external { continue }
                if !subset.includes(source, config.peers) && !subset.includes(destination, config.peers) { continue }
                let allowed = connectivity.verdict(from: source, to: destination).allowed
                if !allowed.isEmpty { result.append(PeerConnection(source: source, destination: destination, connections: allowed)) }
            }
        }
        return result
    }

    // MARK: semantic diff

    func semanticDiff(_ query: NCAScheme.Query, _ results: [[NCAGoldenSection]]) throws -> String? {
        let refs = query.configs
        var pairs: [(String, String)] = []
        for i in refs.indices { for j in refs.indices where j > i { pairs.append((refs[i], refs[j])) } }
        let nonEmpty = results.filter { !$0.isEmpty }
        for (index, (first, second)) in pairs.enumerated() {
            let old = try runner.resolve(first), new = try runner.resolve(second)
            let categories = SemanticDiff.compute(old.configuration, new.configuration)
            var actual: [String: [PeerConnection]] = [:]
            for category in categories {
                let persistent = category.kind == .persistentPeers || category.kind == .persistentPeersAndIPBlocks
                if !category.lost.isEmpty { actual["\(persistent ? "Removed" : "Lost") \(category.kind.rawValue)"] = category.lost }
                if !category.added.isEmpty { actual["\(persistent ? "Added" : "New") \(category.kind.rawValue)"] = category.added }
            }
            var expected: [String: [NCAFirewallRule]] = [:]
            let sections = index < nonEmpty.count ? nonEmpty[index] : []
            for section in sections where !section.rules.isEmpty || section.title.contains("connections between") {
                let title = section.title.components(separatedBy: " (based on topology").first ?? section.title
                expected[title, default: []] += section.rules
            }
            expected = expected.filter { !$0.value.isEmpty }
            if Set(expected.keys) != Set(actual.keys) {
                return "\(first) vs \(second): categories differ: expected [\(expected.keys.sorted().joined(separator: "; "))], got [\(actual.keys.sorted().joined(separator: "; "))]"
            }
            for (title, rules) in expected {
                let conns = actual[title] ?? []
                // Each category reads on one topology: lost connections on the first's, new ones on the second's.
                let side = title.hasPrefix("Added") || title.hasPrefix("New") ? new : old
                let expansion = NCAPairExpansion(endpoints: side.configuration.topology.endpoints, peers: side.peers,
                                                 universe: old.configuration.model.universe,
                                                 cuts: old.configuration.model.namedAddressBlocks + new.configuration.model.namedAddressBlocks + NCAPairExpansion.blocks(rules))
                if let difference = NCAPairExpansion.compare(expected: try expansion.expand(rules), actual: expansion.expand(conns)) {
                    return "\(first) vs \(second), \(title): \(difference)"
                }
            }
        }
        return nil
    }
}

/// NCA's output subset: namespaces, deployments (by owner name, or
/// `ns/name` against `ns/owner(Kind)`, by substring), label blocks.
struct NCASubset {
    var namespaces: [String]?
    var deployments: [String]?
    var labels: [[String: String]]?

    init(_ value: Value?) {
        namespaces = value?["namespace_subset"]?.stringValue?.components(separatedBy: ",")
        deployments = value?["deployment_subset"]?.stringValue?.components(separatedBy: ",")
        labels = value?["label_subset"]?.arrayValue?.map { block in
            var labels: [String: String] = [:]
            for (k, v) in block.objectValue ?? [:] {
                if let key = k.stringValue { labels[key] = v.stringValue ?? v.intValue.map(String.init) ?? "" }
            }
            return labels
        }
    }

    var isEmpty: Bool { namespaces == nil && deployments == nil && labels == nil }

    func includes(_ endpoint: Endpoint, _ peers: NCAPeers) -> Bool {
        if isEmpty { return true }
        guard endpoint.kind != .external else { return false }
        if let namespaces, let ns = endpoint.namespace, namespaces.contains(ns) { return true }
        if let deployments, endpoint.kind == .pod, let names = peers.names[endpoint.displayName] {
            for name in deployments where (name.contains("/") ? names.workload : names.owner).contains(name) { return true }
        }
        if let labels {
            for block in labels where block.allSatisfy({ endpoint.labels[$0.key] == $0.value }) && !endpoint.labels.isEmpty { return true }
        }
        return false
    }
}
