/// The connections that change from one configuration to another, by
/// category, also when the two have different endpoints: lost with removed
/// endpoints, changed between persistent ones, new with added ones.
public enum SemanticDiff {
    public enum Kind: String, Sendable, CaseIterable {
        case removedPeers = "connections between removed peers"
        case removedPeersAndIPBlocks = "connections between removed peers and ipBlocks"
        case removedAndPersistentPeers = "connections between removed peers and persistent peers"
        case persistentPeers = "connections between persistent peers"
        case persistentPeersAndIPBlocks = "connections between persistent peers and ipBlocks"
        case persistentAndAddedPeers = "connections between persistent peers and added peers"
        case addedPeers = "connections between added peers"
        case addedPeersAndIPBlocks = "connections between added peers and ipBlocks"
    }

    /// One category's changes: connections lost (allowed only before) and added (allowed only after).
    public struct Category: Sendable {
        public var kind: Kind
        public var lost: [PeerConnection] = []
        public var added: [PeerConnection] = []
        /// `lost` is read on the first configuration's endpoints, `added` on the second's.
        public init(kind: Kind) { self.kind = kind }
    }

    /// Every category, in the order above; categories without change have empty lists.
    public static func compute(_ old: PolicyConfiguration, _ new: PolicyConfiguration) -> [Category] {
        if old.hasSameTopology(as: new) && old.hasSamePolicies(as: new) { return Kind.allCases.map(Category.init) }
        return Computation(ConfigurationConnectivity(old), ConfigurationConnectivity(new)).run()
    }

    /// How many lost or added lists are not empty: NCA's count of changed categories.
    public static func changedCategoryCount(_ categories: [Category]) -> Int {
        categories.reduce(0) { $0 + ($1.lost.isEmpty ? 0 : 1) + ($1.added.isEmpty ? 0 : 1) }
    }

    private struct Computation {
        let old: ConfigurationConnectivity
        let new: ConfigurationConnectivity
        let removed: [Endpoint], persistent: [Endpoint], added: [Endpoint]
        let oldBlocks: [Endpoint], newBlocks: [Endpoint], bothBlocks: [Endpoint]
        let capturedPersistent: [Endpoint]

        init(_ old: ConfigurationConnectivity, _ new: ConfigurationConnectivity) {
            self.old = old
            self.new = new
            let oldEndpoints = old.configuration.topology.endpoints, newEndpoints = new.configuration.topology.endpoints
            let oldNames = Set(oldEndpoints.map(\.displayName)), newNames = Set(newEndpoints.map(\.displayName))
            removed = oldEndpoints.filter { !newNames.contains($0.displayName) }
            persistent = oldEndpoints.filter { newNames.contains($0.displayName) }
            added = newEndpoints.filter { !oldNames.contains($0.displayName) }
            let oldCuts = old.configuration.model.namedAddressBlocks, newCuts = new.configuration.model.namedAddressBlocks
            oldBlocks = Topology.externalRanges(cutBy: oldCuts)
            newBlocks = Topology.externalRanges(cutBy: newCuts)
            bothBlocks = Topology.externalRanges(cutBy: oldCuts + newCuts)
            let captured = old.capturedNames.union(new.capturedNames)
            capturedPersistent = persistent.filter { captured.contains($0.displayName) }
        }

        func run() -> [Category] {
            var categories: [Category] = []
            categories.append(lost(.removedPeers, pairs: ordered(removed, removed)))
            categories.append(lost(.removedPeersAndIPBlocks, pairs: bothWays(removed, oldBlocks)))
            categories.append(lost(.removedAndPersistentPeers, pairs: bothWays(removed, persistent)))
            categories.append(changed(.persistentPeers, pairs: persistentPairs()))
            categories.append(changed(.persistentPeersAndIPBlocks, pairs: bothWays(capturedPersistent, bothBlocks)))
            categories.append(gained(.persistentAndAddedPeers, pairs: bothWays(persistent, added)))
            categories.append(gained(.addedPeers, pairs: ordered(added, added)))
            categories.append(gained(.addedPeersAndIPBlocks, pairs: bothWays(added, newBlocks)))
            return categories
        }

        func ordered(_ a: [Endpoint], _ b: [Endpoint]) -> [(Endpoint, Endpoint)] {
            a.flatMap { x in b.filter { $0.displayName != x.displayName }.map { (x, $0) } }
        }

        func bothWays(_ a: [Endpoint], _ b: [Endpoint]) -> [(Endpoint, Endpoint)] {
            a.flatMap { x in b.flatMap { y in [(x, y), (y, x)] } }
        }

        func persistentPairs() -> [(Endpoint, Endpoint)] {
            let captured = Set(capturedPersistent.map(\.displayName))
            return persistent.flatMap { source in
                (captured.contains(source.displayName) ? persistent : capturedPersistent)
                    .filter { $0.displayName != source.displayName }.map { (source, $0) }
            }
        }

        func lost(_ kind: Kind, pairs: [(Endpoint, Endpoint)]) -> Category {
            var category = Category(kind: kind)
            for (s, d) in pairs {
                let conns = old.verdict(from: s, to: d).allowed
                if !conns.isEmpty { category.lost.append(PeerConnection(source: s, destination: d, connections: conns)) }
            }
            return category
        }

        func gained(_ kind: Kind, pairs: [(Endpoint, Endpoint)]) -> Category {
            var category = Category(kind: kind)
            for (s, d) in pairs {
                let conns = new.verdict(from: s, to: d).allowed
                if !conns.isEmpty { category.added.append(PeerConnection(source: s, destination: d, connections: conns)) }
            }
            return category
        }

        func changed(_ kind: Kind, pairs: [(Endpoint, Endpoint)]) -> Category {
            var category = Category(kind: kind)
            for (s, d) in pairs {
                let before = old.verdict(from: s, to: d).allowed, after = new.verdict(from: s, to: d).allowed
                if before == after { continue }
                let lost = before.subtracting(after), gained = after.subtracting(before)
                if !lost.isEmpty { category.lost.append(PeerConnection(source: s, destination: d, connections: lost)) }
                if !gained.isEmpty { category.added.append(PeerConnection(source: s, destination: d, connections: gained)) }
            }
            return category
        }
    }
}
