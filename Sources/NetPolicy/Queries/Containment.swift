/// Containment: does one configuration allow no more than another?
public enum Containment {
    public enum Outcome: Sendable, Equatable {
        case contained
        /// Some pair allows more in the first configuration.
        case notContained([ConnectionDifference])
        /// The first configuration has endpoints the second lacks.
        case missingEndpoints([String])
    }

    /// Whether the connections `first` allows are allowed by `second` too.
    /// With `onlyCaptured`, only pairs a policy of `first` captures count, and
    /// only the connections such policies allowed.
    public static func check(_ first: ConfigurationConnectivity, in second: ConfigurationConnectivity,
                             onlyCaptured: Bool = false, firstOnly: Bool = false) -> Outcome {
        let names2 = Set(second.configuration.topology.endpoints.map(\.displayName))
        let missing = first.configuration.topology.endpoints.map(\.displayName).filter { !names2.contains($0) }
        if !missing.isEmpty { return .missingEndpoints(missing.sorted()) }
        var excess: [ConnectionDifference] = []
        ComparedPairs(endpointsOf: first.configuration, first, second).forEach { source, destination in
            let v1 = first.verdict(from: source, to: destination)
            if onlyCaptured && !v1.captured { return true }
            let conns1 = onlyCaptured ? v1.allowedCaptured : v1.allowed
            let conns2 = second.verdict(from: source, to: destination).allowed
            if !conns2.isSuperset(of: conns1) {
                excess.append(ConnectionDifference(source: source, destination: destination, first: conns1, second: conns2))
            }
            return !(firstOnly && !excess.isEmpty)
        }
        return excess.isEmpty ? .contained : .notContained(excess)
    }

    public static func isContained(_ first: ConfigurationConnectivity, in second: ConfigurationConnectivity) -> Bool {
        check(first, in: second, firstOnly: true) == .contained
    }

    /// How two configurations relate.
    public enum Relation: String, Sendable {
        case equivalent, firstContainsSecond, secondContainsFirst, neither
    }

    public static func relation(_ first: ConfigurationConnectivity, _ second: ConfigurationConnectivity) -> Relation {
        switch (isContained(first, in: second), isContained(second, in: first)) {
        case (true, true): return .equivalent
        case (true, false): return .secondContainsFirst
        case (false, true): return .firstContainsSecond
        case (false, false): return .neither
        }
    }
}
