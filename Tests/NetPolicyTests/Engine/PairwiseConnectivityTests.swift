import XCTest
@testable import NetPolicy

/// The all-pairs matrix caches verdicts by rule-match pattern; it must give
/// exactly what the per-pair engine gives.
final class PairwiseConnectivityTests: XCTestCase {
    func testMatrixEqualsPerPairEvaluationOnRandomPolicySets() {
        for seed in UInt64(1)...40 {
            var generator = RandomPolicies(seed: seed)
            let topology = generator.topology(policies: Int(seed % 7) + 1)
            let engine = ConnectivityEngine(topology: topology)
            let matrix = PairwiseConnectivity(engine: engine)
            for s in matrix.peers.indices {
                for d in matrix.peers.indices where !(matrix.peers[s].kind == .external && matrix.peers[d].kind == .external) {
                    let expected = engine.allowed(from: matrix.peers[s], to: matrix.peers[d])
                    XCTAssertEqual(matrix.allowed(s, d), expected,
                                   "seed \(seed): \(matrix.peers[s].displayName) => \(matrix.peers[d].displayName)")
                }
            }
        }
    }

    func testRandomPolicySetsAreNotTrivial() {
        var allowedSomewhere = 0, deniedSomewhere = 0
        for seed in UInt64(1)...40 {
            var generator = RandomPolicies(seed: seed)
            let matrix = PairwiseConnectivity(topology: generator.topology(policies: Int(seed % 7) + 1))
            for s in 0..<9 { for d in 0..<9 where s != d {
                if matrix.allowed(s, d) == .allKubernetes { allowedSomewhere += 1 } else { deniedSomewhere += 1 }
            } }
        }
        XCTAssertGreaterThan(allowedSomewhere, 100)
        XCTAssertGreaterThan(deniedSomewhere, 100)
    }
}
