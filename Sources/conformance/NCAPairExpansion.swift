import Foundation
import NetPolicy
import PalisadeCore

/// Expands grouped fw-rules and computed connections alike into
/// (source, destination) → connections, so that a golden output and an
/// answer compare by meaning, not by how the rules are grouped. Address
/// ranges are split into the atoms that every boundary on either side induces.
struct NCAPairExpansion {
    struct Key: Hashable, Comparable {
        var source: String
        var destination: String
        static func < (a: Key, b: Key) -> Bool { (a.source, a.destination) < (b.source, b.destination) }
    }

    let endpoints: [Endpoint]
    let peers: NCAPeers
    let universe: ConnectionSet
    let atoms: [IntervalSet.Interval]

    init(endpoints: [Endpoint], peers: NCAPeers, universe: ConnectionSet, cuts: [IntervalSet]) {
        self.endpoints = endpoints
        self.peers = peers
        self.universe = universe
        atoms = Topology.externalRanges(cutBy: cuts).compactMap { $0.addresses.intervals.first }
    }

    /// Every address block the rules name, for `cuts`.
    static func blocks(_ rules: [NCAFirewallRule]) -> [IntervalSet] {
        rules.flatMap { rule -> [IntervalSet] in
            [rule.source, rule.destination].compactMap { if case .addresses(let set) = $0 { return set }; return nil }
        }
    }

    static func atomName(_ atom: IntervalSet.Interval) -> String { IPv4.formatRange(atom) }

    func keys(_ side: NCAFirewallRule.Side) -> [String] {
        switch side {
        case .addresses(let set):
            return atoms.filter { set.isSuperset(of: IntervalSet($0.lower, $0.upper)) }.map(Self.atomName)
        case .pods(let namespaces, let patterns):
            return endpoints.filter { endpoint in
                guard namespaces.contains(endpoint.namespace) else { return false }
                let names = peers.names[endpoint.displayName]?.names ?? [endpoint.name]
                return patterns.contains { $0.matches(labels: endpoint.labels, names: names) }
            }.map(\.displayName)
        }
    }

    func expand(_ rules: [NCAFirewallRule]) throws -> [Key: ConnectionSet] {
        var result: [Key: ConnectionSet] = [:]
        for rule in rules {
            let conns = try connections(rule.connection)
            if conns.isEmpty { continue }
            for s in keys(rule.source) {
                for d in keys(rule.destination) where s != d {
                    result[Key(source: s, destination: d), default: .none] = result[Key(source: s, destination: d), default: .none].union(conns)
                }
            }
        }
        return result
    }

    func expand(_ connections: [PeerConnection]) -> [Key: ConnectionSet] {
        var result: [Key: ConnectionSet] = [:]
        func names(_ endpoint: Endpoint) -> [String] {
            guard endpoint.kind == .external else { return [endpoint.displayName] }
            return atoms.filter { endpoint.addresses.isSuperset(of: IntervalSet($0.lower, $0.upper)) }.map(Self.atomName)
        }
        for c in connections where !c.connections.isEmpty {
            for s in names(c.source) {
                for d in names(c.destination) where s != d {
                    result[Key(source: s, destination: d), default: .none] = result[Key(source: s, destination: d), default: .none].union(c.connections)
                }
            }
        }
        return result
    }

    func connections(_ text: NCAFirewallRule.ConnectionText) throws -> ConnectionSet {
        switch text {
        case .text(let t): return try NCAConnectionText.parse(t, universe: universe)
        case .value(let v): return try structuredConnections(v)
        }
    }

    /// `[All connections]`, `[{protocols: TCP, dst_ports: [80]}]`, `[{All but: [...]}]`.
    func structuredConnections(_ value: Value) throws -> ConnectionSet {
        var result = ConnectionSet.none
        for item in value.arrayValue ?? [value] {
            if let text = item.stringValue {
                result = result.union(try NCAConnectionText.parse(text, universe: universe))
            } else if let but = item["All but"] {
                result = result.union(universe.subtracting(try structuredConnections(but)))
            } else if item.objectValue != nil {
                var fields: [String: String] = [:]
                for (key, entry) in item.objectValue ?? [:] {
                    guard let k = key.stringValue else { continue }
                    if let list = entry.arrayValue {
                        fields[k] = list.map { $0.stringValue ?? $0.intValue.map(String.init) ?? "\($0)" }.joined(separator: ",")
                    } else {
                        fields[k] = entry.stringValue ?? entry.intValue.map(String.init) ?? "\(entry)"
                    }
                }
                result = result.union(try NCAConnectionText.connections(fields, universe: universe))
            }
        }
        return result
    }

    /// A short description: protocols (at most 4) with their ports.
    static func brief(_ set: ConnectionSet) -> String {
        if set.isEmpty { return "none" }
        let protocols = set.protocols
        let shown = protocols.prefix(4).map { p -> String in
            let ports = set.ports(of: p)
            return ports == ConnectionSet.fullRange(of: p) ? "\(p)" : "\(p) \(ports)"
        }
        return shown.joined(separator: ",") + (protocols.count > 4 ? " and \(protocols.count - 4) more protocols" : "")
    }

    /// Nil when equal; else the first differences.
    static func compare(expected: [Key: ConnectionSet], actual: [Key: ConnectionSet]) -> String? {
        let keys = Set(expected.keys).union(actual.keys).sorted()
        var differences: [String] = []
        var count = 0
        for key in keys {
            let e = expected[key] ?? .none, a = actual[key] ?? .none
            if e == a { continue }
            count += 1
            if differences.count < 3 {
                differences.append("\(key.source) => \(key.destination): missing \(brief(e.subtracting(a))), extra \(brief(a.subtracting(e)))")
            }
        }
        return count == 0 ? nil : "\(count) pairs differ (\(expected.count) expected, \(actual.count) actual): " + differences.joined(separator: "; ")
    }
}
