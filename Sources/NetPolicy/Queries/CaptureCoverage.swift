/// Endpoints that no policy selects, per direction: traffic to (ingress) or
/// from (egress) them is not governed by any policy.
public enum CaptureCoverage {
    public struct Uncaptured: Sendable {
        public var ingress: [Endpoint]
        public var egress: [Endpoint]
        public var count: Int { ingress.count + egress.count }
    }

    public static func uncaptured(_ topology: Topology) -> Uncaptured {
        let pods = topology.endpoints.filter(\.isPod)
        return Uncaptured(ingress: pods.filter { !topology.model.isIsolated($0, .ingress, in: topology) },
                          egress: pods.filter { !topology.model.isIsolated($0, .egress, in: topology) })
    }
}
