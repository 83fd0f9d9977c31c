/// What a configuration says about connections from one peer to another.
public struct PairVerdict: Sendable, Hashable {
    /// Every allowed connection, whether a policy decided it or the default did.
    public var allowed: ConnectionSet
    /// True when a policy selects the source for egress or the destination for ingress.
    public var captured: Bool
    /// The allowed connections that a capturing policy decided (meaningful when `captured`).
    public var allowedCaptured: ConnectionSet

    public init(allowed: ConnectionSet, captured: Bool, allowedCaptured: ConnectionSet) {
        self.allowed = allowed
        self.captured = captured
        self.allowedCaptured = allowedCaptured
    }
}

/// Pair verdicts of one configuration, computed once per pair.
public final class ConfigurationConnectivity: @unchecked Sendable {
    public let configuration: PolicyConfiguration
    public let engine: ConnectivityEngine
    private let capturedIngress: Set<String>
    private let capturedEgress: Set<String>
    private var cache: [PairKey: PairVerdict] = [:]

    private struct PairKey: Hashable {
        var source: String
        var destination: String
    }

    public init(_ configuration: PolicyConfiguration) {
        self.configuration = configuration
        engine = ConnectivityEngine(topology: configuration.topology)
        let topology = configuration.topology
        let model = topology.model
        capturedIngress = Set(topology.endpoints.filter { model.isIsolated($0, .ingress, in: topology) }.map(\.displayName))
        capturedEgress = Set(topology.endpoints.filter { model.isIsolated($0, .egress, in: topology) }.map(\.displayName))
    }

    /// Endpoints that some policy selects, for either direction.
    public var capturedNames: Set<String> { capturedIngress.union(capturedEgress) }

    public func isCaptured(_ endpoint: Endpoint, _ direction: Direction) -> Bool {
        (direction == .ingress ? capturedIngress : capturedEgress).contains(endpoint.displayName)
    }

    public func verdict(from source: Endpoint, to destination: Endpoint) -> PairVerdict {
        let key = PairKey(source: source.displayName, destination: destination.displayName)
        if let known = cache[key] { return known }
        let egress = direction(.egress, from: source, to: destination)
        let ingress = direction(.ingress, from: source, to: destination)
        let result = PairVerdict(
            allowed: egress.all.intersection(ingress.all),
            captured: egress.captured || ingress.captured,
            allowedCaptured: ingress.decided.intersection(egress.all).union(egress.decided.intersection(ingress.all)))
        cache[key] = result
        return result
    }

    /// One direction: everything allowed, and what capturing policies allowed.
    private func direction(_ direction: Direction, from source: Endpoint, to destination: Endpoint)
        -> (all: ConnectionSet, decided: ConnectionSet, captured: Bool) {
        let local = direction == .egress ? source : destination
        let all = engine.verdict(direction, from: source, to: destination).allowed
        let captured = (local.kind == .pod || local.kind == .host) && isCaptured(local, direction)
        return (all, captured ? all : .none, captured)
    }
}
