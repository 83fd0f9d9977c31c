/// The peer pairs on which two configurations are compared: the cluster
/// endpoints of one, plus the external ranges that the address blocks of
/// both induce. Pairs where no side is captured by a policy of either
/// configuration are left out: both configurations allow them alike.
public struct ComparedPairs: Sendable {
    public let peers: [Endpoint]
    public let captured: Set<String>

    public init(endpointsOf base: PolicyConfiguration, _ first: ConfigurationConnectivity, _ second: ConfigurationConnectivity) {
        let externals = Topology.externalRanges(cutBy: first.configuration.model.namedAddressBlocks + second.configuration.model.namedAddressBlocks)
        peers = base.topology.endpoints + externals
        captured = first.capturedNames.union(second.capturedNames)
    }

    /// Calls `body` for each compared ordered pair; stops when it returns false.
    /// With `touching`, only pairs with an end among those endpoint names.
    public func forEach(touching: Set<String>? = nil, _ body: (Endpoint, Endpoint) -> Bool) {
        let capturedPeers = peers.filter { captured.contains($0.displayName) }
        for source in peers {
            let destinations = captured.contains(source.displayName) ? peers : capturedPeers
            for destination in destinations where destination.displayName != source.displayName {
                if source.kind == .external && destination.kind == .external { continue }
                if let touching, !touching.contains(source.displayName) && !touching.contains(destination.displayName) { continue }
                if !body(source, destination) { return }
            }
        }
    }
}

/// Connections of one pair as two configurations see them.
public struct ConnectionDifference: Sendable, Hashable {
    public var source: Endpoint
    public var destination: Endpoint
    public var first: ConnectionSet
    public var second: ConnectionSet

    public init(source: Endpoint, destination: Endpoint, first: ConnectionSet, second: ConnectionSet) {
        self.source = source
        self.destination = destination
        self.first = first
        self.second = second
    }
}

extension PolicyModel {
    /// Every address block the policies name (selectors' nets, ipBlocks, excepts), both directions.
    public var namedAddressBlocks: [IntervalSet] {
        ExternalRanges.blocks(.ingress, of: self) + ExternalRanges.blocks(.egress, of: self)
    }
}

extension CompiledPolicy {
    /// Every address block this policy names.
    public var namedAddressBlocks: [IntervalSet] {
        var blocks = addressBlocks
        for rule in (ingress ?? []) + (egress ?? []) {
            if let naming = rule.condition as? AddressBlockNaming { blocks += naming.addressBlocks }
        }
        return blocks
    }
}
