/// A rule condition that names address blocks (ipBlock, ANP `networks`, Calico
/// `nets`). The blocks cut the external address space on the rule's remote
/// side: ingress rules cut the sources, egress rules the destinations.
public protocol AddressBlockNaming {
    var addressBlocks: [IntervalSet] { get }
}

/// The external address ranges an analysis reports, per direction.
public enum ExternalRanges {
    /// Blocks that cut the external peers seen in `direction`'s rules: the
    /// blocks of every `AddressBlockNaming` rule condition of that direction,
    /// plus each policy's own `addressBlocks` (which count for both directions).
    public static func blocks(_ direction: Direction, of model: PolicyModel) -> [IntervalSet] {
        var blocks: [IntervalSet] = []
        for policy in model.policies {
            blocks += policy.addressBlocks
            for rule in policy.rules(direction) ?? [] {
                if let naming = rule.condition as? AddressBlockNaming { blocks += naming.addressBlocks }
            }
        }
        return blocks
    }

    /// Splits the IPv4 space into the disjoint intervals that no block boundary crosses.
    public static func partition(cutBy blocks: [IntervalSet]) -> [Endpoint] {
        var cuts: Set<UInt64> = [0, 1 << 32]
        for block in blocks {
            for interval in block.intervals {
                cuts.insert(UInt64(interval.lower))
                cuts.insert(UInt64(interval.upper) + 1)
            }
        }
        let sorted = cuts.sorted()
        return zip(sorted, sorted.dropFirst()).map { lower, upper in
            Endpoint.external(IntervalSet.Interval(UInt32(lower), UInt32(upper - 1)))
        }
    }
}
