import Foundation
import Kube
import XCTest
@testable import NetPolicy

/// The analyzer's answers checked with real packets (root only): for the
/// example cluster and for random policy sets (NetworkPolicies alone; admin,
/// baseline, NetworkPolicy and Calico policies mixed; synthetic tiers with
/// every action), every pod pair on every probe port over TCP and UDP gets
/// through the compiled nftables rulesets exactly when
/// `ConnectivityEngine.allowed` says so.
///
/// Skips when not root or when `ip`, `nft` or `python3` is missing, unless
/// PALISADE_REQUIRE_NETNS=1 (CI), which turns the skip into a failure.
/// PALISADE_PACKET_SEEDS=1,2,3 replaces the default seeds.
final class PacketProofTests: XCTestCase {
    static let pods = 6
    static let defaultSeeds: [UInt64] = [1, 2, 3, 4]

    func testExampleClusterMatchesAnalyzer() throws {
        try requireLab()
        let path = PacketLab.repository.appendingPathComponent("examples/netpol").path
        let set = ManifestLoader().load(paths: [path])
        XCTAssertTrue(set.errors.isEmpty, "\(set.errors)")
        let topology = TopologyBuilder().build(set.objects)
        XCTAssertTrue(topology.model.rejected.isEmpty, "\(topology.model.rejected.map(\.reason))")
        XCTAssertEqual(topology.endpoints.count, 6)
        try check(PacketProof(name: "examples/netpol", topology: topology, ports: Self.interestingPorts(topology)))
    }

    func testRandomNetworkPoliciesMatchAnalyzer() throws {
        try requireLab()
        for seed in Self.seeds {
            let (topology, problems) = RandomNetworkPolicies.topology(seed: seed, pods: Self.pods)
            XCTAssertTrue(problems.isEmpty, "seed \(seed): \(problems)")
            try check(PacketProof(name: "NetworkPolicy seed \(seed)", topology: topology, ports: RandomNetworkPolicies.probePorts))
        }
    }

    func testRandomMixedPoliciesMatchAnalyzer() throws {
        try requireLab()
        for seed in Self.seeds {
            var generator = RandomMixedPolicies(seed: seed)
            let (topology, problems) = RandomNetworkPolicies.topology(generator.items(pods: Self.pods), file: "mixed-\(seed).json")
            XCTAssertTrue(problems.isEmpty, "seed \(seed): \(problems)")
            try check(PacketProof(name: "mixed APIs seed \(seed)", topology: topology, ports: RandomMixedPolicies.probePorts))
        }
    }

    func testRandomTieredPoliciesMatchAnalyzer() throws {
        try requireLab()
        for seed in Self.seeds {
            var generator = RandomTieredPolicies(seed: seed)
            try check(PacketProof(name: "tiered seed \(seed)", topology: generator.topology(pods: Self.pods),
                                  ports: RandomTieredPolicies.probePorts))
        }
    }

    private func check(_ proof: PacketProof) throws {
        let report = try proof.run()
        print(report.summary)
        XCTAssertEqual(report.mismatches, [], "\(report.name): \(report.mismatches.count) mismatches")
    }

    private func requireLab() throws {
        guard let reason = PacketLab.unavailableReason() else { return }
        if ProcessInfo.processInfo.environment["PALISADE_REQUIRE_NETNS"] == "1" {
            throw PacketLab.Failure(description: "PALISADE_REQUIRE_NETNS=1 but the packet lab cannot run: \(reason)")
        }
        throw XCTSkip("packet proof skipped: \(reason)")
    }

    static var seeds: [UInt64] {
        guard let text = ProcessInfo.processInfo.environment["PALISADE_PACKET_SEEDS"] else { return defaultSeeds }
        return text.split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Container ports and the edges of every allowed port range (each edge
    /// and its outer neighbour), so that range boundaries meet real packets.
    static func interestingPorts(_ topology: Topology) -> [UInt32] {
        var ports = Set(topology.endpoints.flatMap { $0.containerPorts.map(\.port) })
        let engine = ConnectivityEngine(topology: topology)
        for source in topology.endpoints {
            for destination in topology.endpoints where destination.displayName != source.displayName {
                let allowed = engine.allowed(from: source, to: destination)
                for proto in [IPProtocol.tcp, .udp] {
                    for interval in allowed.ports(of: proto).intervals {
                        ports.formUnion([interval.lower, interval.upper, interval.lower &- 1, interval.upper &+ 1])
                    }
                }
            }
        }
        return ports.filter { (1...65535).contains($0) }.sorted()
    }
}
