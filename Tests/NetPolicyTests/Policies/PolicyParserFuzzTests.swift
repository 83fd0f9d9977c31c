import Kube
import PalisadeCore
import XCTest
@testable import NetPolicy

/// Mutated and truncated inputs never crash or hang the loader, the policy
/// compilers or the engine: each either analyses or reports a problem.
final class PolicyParserFuzzTests: XCTestCase {
    static let seedText = """
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: p, namespace: shop}
    spec:
      podSelector: {matchLabels: {app: db}, matchExpressions: [{key: tier, operator: In, values: [a, b]}]}
      policyTypes: [Ingress, Egress]
      ingress:
      - from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}, {ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
        ports: [{port: 80, endPort: 90}, {port: http, protocol: UDP}]
      egress: [{to: [{podSelector: {}}]}]
    ---
    apiVersion: projectcalico.org/v3
    kind: GlobalNetworkPolicy
    metadata: {name: g}
    spec:
      order: 10
      selector: app == 'db' && has(tier)
      ingress: [{action: Deny, protocol: TCP, source: {nets: [10.0.0.0/8], selector: "role in {'a','b'}"}, destination: {ports: [80, "100:200"]}}]
    ---
    apiVersion: policy.networking.k8s.io/v1alpha1
    kind: AdminNetworkPolicy
    metadata: {name: a}
    spec:
      priority: 5
      subject: {namespaces: {}}
      ingress: [{action: Pass, from: [{namespaces: {matchLabels: {team: x}}}], ports: [{portNumber: {protocol: TCP, port: 80}}]}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: db, namespace: shop}
    spec: {template: {metadata: {labels: {app: db, tier: a}}, spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}]}]}}}
    """

    func testMutatedManifestsNeverCrash() {
        var rng = SeededRandom(seed: 0x5eed)
        let bytes = Array(Self.seedText.utf8)
        let alphabet = Array("{}[]:,-'\"!&|() \n0123456789./abcxyz*%#".utf8)
        for round in 0..<300 {
            var mutated = bytes
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let at = Int.random(in: 0..<mutated.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: mutated[at] = alphabet.randomElement(using: &rng)!
                case 1: mutated.remove(at: at)
                default: mutated.insert(alphabet.randomElement(using: &rng)!, at: at)
                }
            }
            if round % 10 == 0 { mutated = Array(mutated.prefix(Int.random(in: 0..<mutated.count, using: &rng))) }
            let set = ManifestLoader().load(bytes: mutated, file: "fuzz.yaml")
            let topology = TopologyBuilder().build(set.objects)
            _ = ConnectivityAnalysis(topology: topology).connections()
            for rejected in topology.model.rejected {
                XCTAssertFalse(rejected.reason.isEmpty, "round \(round): a rejected policy without a reason")
            }
        }
    }
}
