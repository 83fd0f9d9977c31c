import Foundation
import NetPolicy

/// A policy target as cyclonus prints it: a namespace and a pod selector.
struct CyclonusTarget: Sendable, Hashable {
    var namespace: String
    var pods: LabelSelector

    func selects(_ endpoint: Endpoint) -> Bool {
        endpoint.isPod && endpoint.namespace == namespace && pods.matches(endpoint.labels)
    }
}

/// Which namespaces a cyclonus pod peer covers.
enum CyclonusNamespaces: Sendable {
    case all
    case named(String)
    case selected(LabelSelector)
}

/// One PEER cell of cyclonus's explain table, by meaning.
enum CyclonusPeer: Sendable {
    /// `all pods, all ips`
    case everything
    /// `no pods, no ips`, `no ips`, `no pods`
    case nothing
    /// `all ips`, `ports for all IPs`: every address outside the cluster.
    case allAddresses
    /// `all pods`
    case allPods
    /// `CIDR except [CIDR ...]`
    case block(IntervalSet)
    /// `namespace: NS pods: SELECTOR`
    case pods(CyclonusNamespaces, LabelSelector)

    /// True when the peer covers `endpoint` (pods carry no addresses in the probes).
    func covers(_ endpoint: Endpoint, namespaceLabels: [String: String]) -> Bool {
        switch self {
        case .everything: return true
        case .nothing: return false
        case .allAddresses: return endpoint.kind == .external
        case .allPods: return endpoint.isPod
        case .block(let block): return endpoint.kind == .external && block.isSuperset(of: endpoint.addresses)
        case .pods(let namespaces, let pods):
            guard endpoint.isPod, let ns = endpoint.namespace, pods.matches(endpoint.labels) else { return false }
            switch namespaces {
            case .all: return true
            case .named(let name): return ns == name
            case .selected(let selector): return selector.matches(namespaceLabels)
            }
        }
    }

    var addressBlock: IntervalSet? {
        if case .block(let block) = self { return block }
        return nil
    }
}

/// Reads cyclonus's explain texts into values; every text it does not know is an error.
enum CyclonusText {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    static func words(_ lines: [String]) -> [String] {
        lines.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// `namespace: y Match labels: pod: a`, `namespace: y all pods`.
    static func target(_ lines: [String]) throws -> CyclonusTarget {
        let w = words(lines)
        guard w.count >= 3, w[0] == "namespace:" else { throw Unreadable(description: "target \"\(w.joined(separator: " "))\"") }
        return CyclonusTarget(namespace: w[1], pods: try selector(Array(w[2...]), context: w))
    }

    /// `all pods`, `all`, `Match labels: k: v ...`, `Match expressions: key Op [v ...] ...`.
    static func selector(_ w: [String], context: [String]) throws -> LabelSelector {
        let unreadable = Unreadable(description: "selector \"\(w.joined(separator: " "))\" in \"\(context.joined(separator: " "))\"")
        if w == ["all", "pods"] || w == ["all"] { return .everything }
        var labels: [String: String] = [:]
        var requirements: [LabelSelector.Requirement] = []
        var i = 0
        while i < w.count {
            guard w[i] == "Match", i + 1 < w.count else { throw unreadable }
            if w[i + 1] == "labels:" {
                i += 2
                while i + 1 < w.count, w[i] != "Match", w[i].hasSuffix(":") {
                    labels[String(w[i].dropLast())] = w[i + 1]
                    i += 2
                }
            } else if w[i + 1] == "expressions:" {
                i += 2
                while i + 2 < w.count, w[i] != "Match" {
                    guard let op = LabelSelector.Operator(rawValue: w[i + 1]), w[i + 2].hasPrefix("[") else { throw unreadable }
                    var values: [String] = []
                    var j = i + 2
                    while j < w.count {
                        let value = w[j].trimmingCharacters(in: ["[", "]"])
                        if !value.isEmpty { values.append(value) }
                        if w[j].hasSuffix("]") { break }
                        j += 1
                    }
                    guard j < w.count else { throw unreadable }
                    requirements.append(.init(key: w[i], op: op, values: values))
                    i = j + 1
                }
            } else {
                throw unreadable
            }
        }
        guard !labels.isEmpty || !requirements.isEmpty else { throw unreadable }
        return LabelSelector(matchLabels: labels, matchExpressions: requirements)
    }

    static func peer(_ lines: [String]) throws -> CyclonusPeer {
        let w = words(lines)
        let text = w.joined(separator: " ")
        switch text {
        case "all pods, all ips": return .everything
        case "no pods, no ips", "no ips", "no pods": return .nothing
        case "all ips", "ports for all IPs": return .allAddresses
        case "all pods": return .allPods
        default: break
        }
        if w.first == "namespace:", let podsAt = w.firstIndex(of: "pods:"), podsAt > 1 {
            let nsWords = Array(w[1..<podsAt])
            let namespaces: CyclonusNamespaces
            if nsWords == ["all"] {
                namespaces = .all
            } else if nsWords.count == 1 {
                namespaces = .named(nsWords[0])
            } else {
                namespaces = .selected(try selector(nsWords, context: w))
            }
            return .pods(namespaces, try selector(Array(w[(podsAt + 1)...]), context: w))
        }
        if w.count >= 2, w[1] == "except", var block = IPv4.cidr(w[0]) {
            for raw in w[2...] {
                let cidr = raw.trimmingCharacters(in: ["[", "]"])
                if cidr.isEmpty { continue }
                guard let cut = IPv4.cidr(cidr) else { throw Unreadable(description: "peer \"\(text)\": bad except \(cidr)") }
                block = block.subtracting(cut)
            }
            return .block(block)
        }
        throw Unreadable(description: "peer \"\(text)\"")
    }

    /// A PORT/PROTOCOL cell: the port specs it lists (nil: every connection; empty: none).
    static func ports(_ lines: [String]) throws -> [PortSpec]? {
        let w = words(lines)
        var specs: [PortSpec] = []
        var i = 0
        while i < w.count {
            let rest = Array(w[i...])
            if rest.starts(with: ["all", "ports,", "all", "protocols"]) { return nil }
            if rest.starts(with: ["no", "ports,", "no", "protocols"]) { i += 4; continue }
            if rest.count >= 5, rest[0] == "all", rest[1] == "ports", rest[2] == "on", rest[3] == "protocol",
               let proto = IPProtocol(name: rest[4]) {
                specs.append(PortSpec(proto: proto, port: .all)); i += 5; continue
            }
            if rest.count >= 5, rest[0] == "port" || rest[0] == "ports", rest[2] == "on", rest[3] == "protocol",
               let proto = IPProtocol(name: rest[4]) {
                specs.append(PortSpec(proto: proto, port: port(rest[1]))); i += 5; continue
            }
            throw Unreadable(description: "port/protocol \"\(w.joined(separator: " "))\"")
        }
        return specs
    }

    /// `80`, `80-103` or a port name.
    private static func port(_ text: String) -> PortSpec.Port {
        if let n = UInt32(text) { return .range(n, n) }
        let parts = text.split(separator: "-")
        if parts.count == 2, let low = UInt32(parts[0]), let high = UInt32(parts[1]) { return .range(low, high) }
        return .named(text)
    }

    /// The connections a PORT/PROTOCOL cell allows toward `destination`.
    static func connections(_ specs: [PortSpec]?, toward destination: Endpoint) -> ConnectionSet {
        guard let specs else { return .allKubernetes }
        return specs.reduce(ConnectionSet.none) { $0.union($1.connections(toward: destination)) }
    }
}
