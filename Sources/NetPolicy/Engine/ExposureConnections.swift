/// The connections an exposure line speaks about: numbered ports, plus
/// named ports that cannot be resolved because the far end is not a real
/// pod (the rule names `http` toward "any pod in namespaces with X").
public struct ExposureConnections: Sendable, Hashable {
    public var numbered: ConnectionSet
    /// Protocol text (`TCP`, or empty when the rule gives no protocol) → port names.
    public var named: [String: Set<String>]

    public init(numbered: ConnectionSet = .none, named: [String: Set<String>] = [:]) {
        self.numbered = numbered
        self.named = named.filter { !$0.value.isEmpty }
    }

    public static let none = ExposureConnections()

    public var isEmpty: Bool { numbered.isEmpty && named.isEmpty }

    public func union(_ other: ExposureConnections) -> ExposureConnections {
        ExposureConnections(numbered: numbered.union(other.numbered),
                            named: named.merging(other.named) { $0.union($1) })
    }

    /// Keeps only what `open` still leaves undecided (named ports stay: no numbered rule decides them).
    func restricted(to open: ConnectionSet) -> ExposureConnections {
        ExposureConnections(numbered: numbered.intersection(open), named: named)
    }

    public func isSubset(of other: ExposureConnections) -> Bool {
        guard other.numbered.isSuperset(of: numbered) else { return false }
        return named.allSatisfy { proto, names in names.isSubset(of: other.named[proto] ?? []) }
    }

    /// netpol-analyzer's text: numbered ports and port names per protocol, protocols sorted.
    public var analyzerText: String {
        if named.isEmpty { return numbered.analyzerText }
        var parts: [String: [String]] = [:]
        for proto in numbered.protocols { parts[proto.description, default: []].append("\(numbered.ports(of: proto))") }
        for (proto, names) in named { parts[proto, default: []] += names.sorted() }
        return parts.keys.sorted().map { "\($0) \(parts[$0]!.joined(separator: ","))" }.joined(separator: ",")
    }
}
