import Kube
import XCTest
@testable import NetPolicy

/// Policy-set queries on a two-pod namespace with Kubernetes NetworkPolicies.
final class PolicySetQueriesTests: XCTestCase {
    static let pods = """
    apiVersion: v1
    kind: Pod
    metadata: {name: a, namespace: ns, labels: {app: a}}
    spec: {containers: [{name: c, image: i}]}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b, namespace: ns, labels: {app: b}}
    spec: {containers: [{name: c, image: i}]}
    """

    static func policy(_ name: String, selector: String, ingressFrom: String?) -> String {
        let ingress = ingressFrom.map { "  ingress:\n  - from:\n    - podSelector: {matchLabels: {app: \($0)}}\n" } ?? "  ingress: []\n"
        return """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: \(name), namespace: ns}
        spec:
          podSelector: \(selector)
          policyTypes: [Ingress]
        \(ingress)
        """
    }

    /// Deny all ingress to `b`.
    static let denyB = policy("deny-b", selector: "{matchLabels: {app: b}}", ingressFrom: nil)
    /// Ingress to `b` only from `a`.
    static let aToB = policy("a-to-b", selector: "{matchLabels: {app: b}}", ingressFrom: "a")
    /// Ingress to `b` only from `a`, under another name.
    static let aToBAgain = policy("a-to-b-again", selector: "{matchLabels: {app: b}}", ingressFrom: "a")
    /// Selects nothing.
    static let nobody = policy("nobody", selector: "{matchLabels: {app: nobody}}", ingressFrom: "a")

    func configuration(_ name: String, _ policies: [String]) -> PolicyConfiguration {
        let text = ([Self.pods] + policies).joined(separator: "\n---\n")
        let objects = ManifestLoader().load(text: text, file: "test.yaml").objects
        var digests: [String: Int] = [:]
        let topology = TopologyBuilder().build(objects)
        for p in topology.model.policies { digests[PolicyConfiguration.identity(p.ref)] = p.ref.name.hashValue }
        return PolicyConfiguration(name: name, topology: topology, policyDigests: digests)
    }

    func testNoPoliciesIsVacuousAndDenyIsNot() {
        XCTAssertTrue(Vacuity.isVacuous(configuration("none", [])))
        XCTAssertFalse(Vacuity.isVacuous(configuration("deny", [Self.denyB])))
    }

    func testEquivalentPoliciesUnderDifferentNames() {
        let first = configuration("one", [Self.aToB]), second = configuration("two", [Self.aToBAgain])
        XCTAssertTrue(Equivalence.areEquivalent(first, second))
        XCTAssertFalse(Equivalence.areEquivalent(first, configuration("deny", [Self.denyB])))
        XCTAssertNotNil(Equivalence.strongDifference(first, second), "policy names differ")
    }

    func testDenyIsContainedInAllowFromA() {
        let deny = ConfigurationConnectivity(configuration("deny", [Self.denyB]))
        let allowA = ConfigurationConnectivity(configuration("allowA", [Self.aToB]))
        XCTAssertTrue(Containment.isContained(deny, in: allowA))
        XCTAssertFalse(Containment.isContained(allowA, in: deny))
        XCTAssertEqual(Containment.relation(deny, allowA), .secondContainsFirst)
    }

    func testDuplicatePoliciesAreEachRedundant() {
        let report = Redundancy.report(configuration("dup", [Self.aToB, Self.aToBAgain]))
        XCTAssertEqual(Set(report.policies.map(\.name)), ["a-to-b", "a-to-b-again"])
    }

    func testRuleShadowedByDenyAllIsNotRedundantButAllowMakesDenyRedundant() {
        // deny-b isolates b; a-to-b adds a → b. Removing deny-b keeps b isolated by a-to-b: redundant.
        let report = Redundancy.report(configuration("both", [Self.denyB, Self.aToB]))
        XCTAssertEqual(report.policies.map(\.name), ["deny-b"])
    }

    func testPolicySelectingNothingIsEmpty() {
        let findings = PolicyEmptiness.findings(in: configuration("empty", [Self.nobody, Self.aToB]))
        XCTAssertEqual(findings.map(\.policy.name), ["nobody"])
        XCTAssertTrue(findings.first?.selectsNothing ?? false)
    }

    func testSemanticDiffReportsLostConnectionBetweenPersistentPeers() {
        let categories = SemanticDiff.compute(configuration("old", []), configuration("new", [Self.denyB]))
        let persistent = categories.first { $0.kind == .persistentPeers }
        XCTAssertEqual(persistent?.lost.map { "\($0.source.name)->\($0.destination.name)" }, ["a->b"])
        XCTAssertEqual(persistent?.added.count, 0)
        XCTAssertEqual(SemanticDiff.changedCategoryCount(categories), 2, "pod pair and ipBlocks → b")
    }

    func testOverlappingPoliciesAndUncapturedPods() {
        let config = configuration("two", [Self.denyB, Self.aToB])
        XCTAssertEqual(Disjointness.overlaps(in: config).count, 1)
        let uncaptured = CaptureCoverage.uncaptured(config.topology)
        XCTAssertEqual(uncaptured.ingress.map(\.name), ["a"])
        XCTAssertEqual(uncaptured.egress.count, 2)
    }

    func testInterferenceAndPermits() {
        let base = ConfigurationConnectivity(configuration("base", [Self.denyB]))
        let extending = ConfigurationConnectivity(configuration("ext", [Self.aToB]))
        XCTAssertFalse(Interference.interferes(extending, with: base).isEmpty, "a → b extends deny-all")
        XCTAssertTrue(Interference.interferes(base, with: extending).isEmpty)
        XCTAssertNotEqual(Interference.unpermitted(extending, by: base), .contained)
        XCTAssertEqual(Interference.unpermitted(extending, by: extending), .contained)
        XCTAssertTrue(Interference.unforbidden(extending, by: base).isEmpty, "base forbids a → b")
    }
}
