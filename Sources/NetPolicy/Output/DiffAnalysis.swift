/// How the allowed connections of a second input (ref2) differ from those of
/// a first (ref1), pair by pair.
///
/// External ranges are compared per workload and direction: the ranges that
/// either input reports toward (or from) that workload cut each other, so a
/// range that is whole in one input and split in the other is compared piece
/// by piece, and ranges no workload line mentions stay whole.
public struct ConnectivityDiff: Sendable {
    public enum Change: String, Sendable, Comparable {
        case changed, added, removed, unchanged

        /// Report order: changed, added, removed, then unchanged (graphs only).
        var rank: Int { [.changed: 0, .added: 1, .removed: 2, .unchanged: 3][self] ?? 3 }

        public static func < (a: Change, b: Change) -> Bool { a.rank < b.rank }
    }

    public struct Entry: Sendable {
        public var change: Change
        public var source: Endpoint
        public var destination: Endpoint
        public var ref1: ConnectionSet
        public var ref2: ConnectionSet
        /// The ends that are workloads of only one input: only in ref2 for an
        /// added pair, only in ref1 for a removed one.
        public var workloadsInOneInput: [Endpoint]
    }

    /// Every pair with a connection in either input: changed, added, removed,
    /// unchanged, each group sorted by source then destination; pairs from
    /// the ingress controller last, grouped the same way.
    public let entries: [Entry]
    /// Workload display names of each input.
    public let ref1Workloads: Set<String>
    public let ref2Workloads: Set<String>

    public init(ref1: Topology, ref2: Topology) {
        let list1 = Self.mergingAdjacentRanges(ConnectivityAnalysis(topology: ref1).connections())
        let list2 = Self.mergingAdjacentRanges(ConnectivityAnalysis(topology: ref2).connections())
        let refinement = Refinement(list1 + list2)
        let before = refinement.pairs(list1)
        let after = refinement.pairs(list2)
        let workloads1 = Set(ref1.endpoints.filter(\.isPod).map(\.displayName))
        let workloads2 = Set(ref2.endpoints.filter(\.isPod).map(\.displayName))
        ref1Workloads = workloads1
        ref2Workloads = workloads2
        var entries: [Entry] = []
        for key in Set(before.keys).union(after.keys) {
            guard let any = after[key] ?? before[key] else { continue }
            let old = before[key]?.connections ?? .none, new = after[key]?.connections ?? .none
            let change: Change = old == new ? .unchanged : old.isEmpty ? .added : new.isEmpty ? .removed : .changed
            var entry = Entry(change: change, source: any.source, destination: any.destination, ref1: old, ref2: new, workloadsInOneInput: [])
            entry.workloadsInOneInput = [any.source, any.destination].filter { end in
                guard end.isPod else { return false }
                switch change {
                case .added: return !workloads1.contains(end.displayName)
                case .removed: return !workloads2.contains(end.displayName)
                default: return false
                }
            }
            entries.append(entry)
        }
        // Pairs from the ingress controller come after all others, as in the analyzer's report.
        self.entries = entries.sorted { a, b in
            let aIngress = a.source.kind == .ingressController, bIngress = b.source.kind == .ingressController
            if aIngress != bIngress { return bIngress }
            if a.change != b.change { return a.change < b.change }
            if a.source.displayName != b.source.displayName { return a.source.displayName.utf8.lexicographicallyPrecedes(b.source.displayName.utf8) }
            return a.destination.displayName.utf8.lexicographicallyPrecedes(b.destination.displayName.utf8)
        }
    }

    /// Within one input, touching external ranges with the same workload,
    /// direction and connections become one range: how an input happens to
    /// be cut is not a difference.
    static func mergingAdjacentRanges(_ connections: [PeerConnection]) -> [PeerConnection] {
        var result: [PeerConnection] = []
        var groups: [String: [PeerConnection]] = [:]
        for c in connections {
            guard let (_, key) = Refinement.external(of: c) else { result.append(c); continue }
            groups["\(key)\u{0}\(c.connections.analyzerText)", default: []].append(c)
        }
        for group in groups.values {
            var merged: [PeerConnection] = []
            for c in group.sorted(by: { lower($0) < lower($1) }) {
                if let last = merged.last, let end = range(last)?.upper, end < UInt32.max, lower(c) == end + 1,
                   let upper = range(c)?.upper {
                    merged[merged.count - 1] = replacingRange(of: last, with: .init(lower(last), upper))
                } else {
                    merged.append(c)
                }
            }
            result += merged
        }
        return result
    }

    private static func range(_ c: PeerConnection) -> IntervalSet.Interval? { Refinement.external(of: c)?.0 }
    private static func lower(_ c: PeerConnection) -> UInt32 { range(c)?.lower ?? 0 }

    private static func replacingRange(of c: PeerConnection, with range: IntervalSet.Interval) -> PeerConnection {
        c.source.kind == .external
            ? PeerConnection(source: .external(range), destination: c.destination, connections: c.connections)
            : PeerConnection(source: c.source, destination: .external(range), connections: c.connections)
    }

    /// The entries that changed (everything but `unchanged`).
    public var differences: [Entry] { entries.filter { $0.change != .unchanged } }

    /// Re-expresses connections with an external end on the pieces that all
    /// ranges seen with the same workload and direction cut.
    struct Refinement {
        /// Per workload and direction, the sorted range boundaries (lower ends and upper ends + 1).
        var cuts: [String: [UInt64]] = [:]

        init(_ connections: [PeerConnection]) {
            var sets: [String: Set<UInt64>] = [:]
            for c in connections {
                guard let (range, key) = Self.external(of: c) else { continue }
                sets[key, default: []].formUnion([UInt64(range.lower), UInt64(range.upper) + 1])
            }
            cuts = sets.mapValues { $0.sorted() }
        }

        /// The external range of a connection and the key of its workload and direction.
        static func external(of c: PeerConnection) -> (IntervalSet.Interval, String)? {
            if c.source.kind == .external, let range = c.source.addresses.intervals.first {
                return (range, "from\u{0}\(c.destination.displayName)")
            }
            if c.destination.kind == .external, let range = c.destination.addresses.intervals.first {
                return (range, "to\u{0}\(c.source.displayName)")
            }
            return nil
        }

        func pairs(_ connections: [PeerConnection]) -> [String: PeerConnection] {
            var result: [String: PeerConnection] = [:]
            for c in connections {
                var pieces = [c]
                if let (range, key) = Self.external(of: c) {
                    pieces = self.pieces(of: range, cutBy: cuts[key] ?? []).map { piece in
                        let end = Endpoint.external(piece)
                        return c.source.kind == .external
                            ? PeerConnection(source: end, destination: c.destination, connections: c.connections)
                            : PeerConnection(source: c.source, destination: end, connections: c.connections)
                    }
                }
                for piece in pieces { result["\(piece.source.displayName)\u{0}\(piece.destination.displayName)"] = piece }
            }
            return result
        }

        /// `range` split at every cut strictly inside it.
        func pieces(of range: IntervalSet.Interval, cutBy cuts: [UInt64]) -> [IntervalSet.Interval] {
            let upper = UInt64(range.upper) + 1
            var bounds = [UInt64(range.lower)] + cuts.filter { $0 > UInt64(range.lower) && $0 < upper } + [upper]
            bounds = Array(Set(bounds)).sorted()
            return zip(bounds, bounds.dropFirst()).map { IntervalSet.Interval(UInt32($0), UInt32($1 - 1)) }
        }
    }
}
