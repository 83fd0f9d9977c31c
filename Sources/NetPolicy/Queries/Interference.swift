/// How one policy set relates to the connections another specifies
/// explicitly: interference, permission and prohibition.
public enum Interference {
    /// True when `other` extends the connections `base` allows for pairs
    /// that both capture: the captured connections of `other` are not within
    /// those of `base`.
    public static func interferes(_ other: ConfigurationConnectivity, with base: ConfigurationConnectivity) -> [ConnectionDifference] {
        var extended: [ConnectionDifference] = []
        ComparedPairs(endpointsOf: base.configuration, other, base).forEach { source, destination in
            let baseVerdict = base.verdict(from: source, to: destination)
            guard baseVerdict.captured else { return true }
            let otherVerdict = other.verdict(from: source, to: destination)
            if otherVerdict.captured && !baseVerdict.allowedCaptured.isSuperset(of: otherVerdict.allowedCaptured) {
                extended.append(ConnectionDifference(source: source, destination: destination,
                                                     first: otherVerdict.allowedCaptured, second: baseVerdict.allowedCaptured))
            }
            return true
        }
        return extended
    }

    /// The connections `specification` allows explicitly that `base` does not allow (empty: `base` permits them all).
    public static func unpermitted(_ specification: ConfigurationConnectivity, by base: ConfigurationConnectivity) -> Containment.Outcome {
        Containment.check(specification, in: base, onlyCaptured: true)
    }

    /// The connections `specification` allows explicitly that `base` allows too (empty: `base` forbids them all).
    public static func unforbidden(_ specification: ConfigurationConnectivity, by base: ConfigurationConnectivity) -> [ConnectionDifference] {
        var both: [ConnectionDifference] = []
        ComparedPairs(endpointsOf: specification.configuration, specification, base).forEach { source, destination in
            let spec = specification.verdict(from: source, to: destination)
            guard spec.captured else { return true }
            let allowed = base.verdict(from: source, to: destination).allowed
            let common = spec.allowedCaptured.intersection(allowed)
            if !common.isEmpty {
                both.append(ConnectionDifference(source: source, destination: destination, first: spec.allowedCaptured, second: allowed))
            }
            return true
        }
        return both
    }
}
