import Foundation
@testable import NetPolicy

/// Checks the analyzer against real packets: gives every pod of a topology
/// an address in a lab namespace, loads the pod's compiled nftables ruleset,
/// probes every ordered pod pair on every probe port over TCP and UDP, and
/// compares what got through with `ConnectivityEngine.allowed`.
struct PacketProof {
    struct Report {
        var name: String
        var pods: Int
        var pairs: Int
        var ports: Int
        var probes: Int
        /// Probes that got through.
        var open: Int
        var mismatches: [String]
        /// Seconds spent per phase, in order.
        var phases: [(String, Double)]

        var seconds: Double { phases.reduce(0) { $0 + $1.1 } }

        var summary: String {
            "packet proof \(name): \(pods) pods, \(pairs) pairs x \(ports) ports x 2 protocols = \(probes) probes "
                + "(\(open) open, \(probes - open) blocked), \(mismatches.count) mismatches, \(String(format: "%.2f", seconds)) s ("
                + phases.map { "\($0.0) \(String(format: "%.2f", $0.1))" }.joined(separator: ", ") + ")"
        }
    }

    static let subnet = "10.123.0"
    static let timeout = 2.0

    var name: String
    /// Pods to place in the lab (workload endpoints stand for one pod each).
    var topology: Topology
    var ports: [UInt32]

    /// The topology with lab addresses on its pods: 10.123.0.2, .3, ... in endpoint order.
    static func addressed(_ topology: Topology) -> Topology {
        var endpoints = topology.endpoints.filter(\.isPod)
        for index in endpoints.indices {
            let address = UInt32(10) << 24 | UInt32(123) << 16 | UInt32(index + 2)
            endpoints[index].addresses = IntervalSet(address, address)
            endpoints[index].replicas = 1
        }
        return Topology(namespaces: topology.namespaces, endpoints: endpoints, model: topology.model,
                        warnings: topology.warnings)
    }

    func run() throws -> Report {
        var clock = PhaseClock()
        let topology = Self.addressed(self.topology)
        let pods = topology.endpoints
        let labName = { (index: Int) in "p\(index)" }
        let lab = try PacketLab(prefix: "pal\(getpid() % 100_000)",
                                pods: pods.indices.map { (labName($0), "\(IPv4.format(pods[$0].addresses.intervals[0].lower))/24") })
        var closed = false
        defer { if !closed { lab.close() } }
        clock.lap("lab")
        let compiler = NftablesCompiler(topology: topology, refusal: .reject)
        var rulesets: [String: String] = [:]
        for (index, pod) in pods.enumerated() { rulesets[labName(index)] = compiler.ruleset(for: pod).text }
        try lab.apply(rulesets)
        clock.lap("nft")
        try lab.listen(on: ports)
        clock.lap("listen")
        var plan: [String: [PacketLab.Target]] = [:]
        for source in pods.indices {
            plan[labName(source)] = pods.indices.filter { $0 != source }.flatMap { targets(toward: pods[$0]) }
        }
        let outcomes = try lab.probe(plan, timeout: Self.timeout)
        clock.lap("probe")
        lab.close()
        closed = true
        clock.lap("teardown")
        let mismatches = compare(outcomes, pods: pods, engine: ConnectivityEngine(topology: topology), labName: labName)
        let pairs = pods.count * (pods.count - 1)
        let open = outcomes.values.reduce(0) { $0 + $1.values.filter { $0 == .open }.count }
        return Report(name: name, pods: pods.count, pairs: pairs, ports: ports.count, probes: pairs * ports.count * 2,
                      open: open, mismatches: mismatches, phases: clock.phases)
    }

    private func targets(toward pod: Endpoint) -> [PacketLab.Target] {
        let address = IPv4.format(pod.addresses.intervals[0].lower)
        return ["tcp", "udp"].flatMap { proto in ports.map { PacketLab.Target(proto: proto, address: address, port: $0) } }
    }

    private func compare(_ outcomes: [String: [PacketLab.Target: PacketLab.Outcome]], pods: [Endpoint],
                         engine: ConnectivityEngine, labName: (Int) -> String) -> [String] {
        var mismatches: [String] = []
        for (s, source) in pods.enumerated() {
            for (d, destination) in pods.enumerated() where d != s {
                let allowed = engine.allowed(from: source, to: destination)
                for target in targets(toward: destination) {
                    let proto: IPProtocol = target.proto == "tcp" ? .tcp : .udp
                    let expected = allowed.contains(proto, port: target.port)
                    let outcome = outcomes[labName(s)]?[target]
                    guard let outcome, outcome != .refused else {
                        mismatches.append("\(source.displayName) -> \(destination.displayName) \(target.proto)/\(target.port): "
                                          + "probe gave \(outcome?.rawValue ?? "no answer"), the lab is broken")
                        continue
                    }
                    if (outcome == .open) != expected {
                        mismatches.append("\(source.displayName) -> \(destination.displayName) \(target.proto)/\(target.port): "
                                          + "packets \(outcome.rawValue), analyzer \(expected ? "allowed" : "denied")")
                    }
                }
            }
        }
        return mismatches
    }
}

/// Wall time per phase.
private struct PhaseClock {
    private var last = Date()
    private(set) var phases: [(String, Double)] = []

    mutating func lap(_ phase: String) {
        let now = Date()
        phases.append((phase, now.timeIntervalSince(last)))
        last = now
    }
}
