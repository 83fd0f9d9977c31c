import PalisadeCore
import XCTest
@testable import Rego

final class GatekeeperMatchTests: XCTestCase {
    private func match(_ yaml: String) throws -> ConstraintMatch {
        try ConstraintMatch(GatekeeperFixtures.yaml(yaml), file: "c.yaml")
    }

    private func review(_ object: Value) -> AdmissionReviewRequest { AdmissionReviewRequest(object: object) }

    func testEmptyMatchMatchesEverything() throws {
        let m = try ConstraintMatch(.emptyObject, file: "c.yaml")
        XCTAssertTrue(m.matches(review(GatekeeperFixtures.pod()), namespace: nil))
    }

    func testKindsNeedGroupAndKind() throws {
        let m = try match("kinds: [{apiGroups: [apps], kinds: [Deployment]}, {apiGroups: [''], kinds: [Pod]}]")
        XCTAssertTrue(m.matches(review(GatekeeperFixtures.pod()), namespace: nil))
        let deployment: Value = .object(fields: ["apiVersion": .string("apps/v1"), "kind": .string("Deployment"), "metadata": .object(fields: ["name": .string("d")])])
        XCTAssertTrue(m.matches(review(deployment), namespace: nil))
        let service: Value = .object(fields: ["apiVersion": .string("v1"), "kind": .string("Service"), "metadata": .object(fields: ["name": .string("s")])])
        XCTAssertFalse(m.matches(review(service), namespace: nil))
        let wildcard = try match("kinds: [{apiGroups: ['*'], kinds: ['*']}]")
        XCTAssertTrue(wildcard.matches(review(service), namespace: nil))
    }

    func testNamespacesAndGlobs() throws {
        let m = try match("namespaces: [shop, 'team-*']\nexcludedNamespaces: [team-legacy]")
        XCTAssertTrue(m.matches(review(GatekeeperFixtures.pod(namespace: "shop")), namespace: nil))
        XCTAssertTrue(m.matches(review(GatekeeperFixtures.pod(namespace: "team-a")), namespace: nil))
        XCTAssertFalse(m.matches(review(GatekeeperFixtures.pod(namespace: "team-legacy")), namespace: nil))
        XCTAssertFalse(m.matches(review(GatekeeperFixtures.pod(namespace: "other")), namespace: nil))
        let excluded = try match("excludedNamespaces: ['kube-*', '*-system']")
        XCTAssertFalse(excluded.matches(review(GatekeeperFixtures.pod(namespace: "kube-public")), namespace: nil))
        XCTAssertFalse(excluded.matches(review(GatekeeperFixtures.pod(namespace: "gatekeeper-system")), namespace: nil))
        XCTAssertTrue(excluded.matches(review(GatekeeperFixtures.pod(namespace: "default")), namespace: nil))
    }

    func testScope() throws {
        let cluster = try match("scope: Cluster")
        let namespaced = try match("scope: Namespaced")
        let clusterPod = GatekeeperFixtures.pod(namespace: nil)
        XCTAssertTrue(cluster.matches(review(clusterPod), namespace: nil))
        XCTAssertFalse(cluster.matches(review(GatekeeperFixtures.pod()), namespace: nil))
        XCTAssertTrue(namespaced.matches(review(GatekeeperFixtures.pod()), namespace: nil))
        XCTAssertThrowsError(try match("scope: Everywhere"))
    }

    func testLabelSelectorExpressions() throws {
        let m = try match("""
        labelSelector:
          matchLabels: {tier: web}
          matchExpressions:
          - {key: env, operator: In, values: [prod, staging]}
          - {key: legacy, operator: DoesNotExist}
          - {key: owner, operator: Exists}
          - {key: region, operator: NotIn, values: [eu]}
        """)
        let good = GatekeeperFixtures.pod(labels: ["tier": "web", "env": "prod", "owner": "a"])
        XCTAssertTrue(m.matches(review(good), namespace: nil))
        XCTAssertFalse(m.matches(review(GatekeeperFixtures.pod(labels: ["tier": "web", "env": "dev", "owner": "a"])), namespace: nil))
        XCTAssertFalse(m.matches(review(GatekeeperFixtures.pod(labels: ["tier": "web", "env": "prod", "owner": "a", "legacy": "y"])), namespace: nil))
        XCTAssertFalse(m.matches(review(GatekeeperFixtures.pod(labels: ["tier": "web", "env": "prod"])), namespace: nil))
        XCTAssertFalse(m.matches(review(GatekeeperFixtures.pod(labels: ["tier": "web", "env": "prod", "owner": "a", "region": "eu"])), namespace: nil))
        XCTAssertThrowsError(try match("labelSelector: {matchExpressions: [{key: a, operator: Near}]}"))
    }

    func testNamespaceSelectorUsesNamespaceObject() throws {
        let m = try match("namespaceSelector: {matchLabels: {env: prod}}")
        let prod = GatekeeperFixtures.pod(name: "shop", namespace: nil, labels: ["env": "prod"])
        var prodNamespace = prod
        if case .object(var o) = prodNamespace { o[.string("kind")] = .string("Namespace"); prodNamespace = .object(o) }
        XCTAssertTrue(m.matches(review(GatekeeperFixtures.pod()), namespace: prodNamespace))
        XCTAssertFalse(m.matches(review(GatekeeperFixtures.pod()), namespace: nil))
        // A Namespace is matched on its own labels.
        XCTAssertTrue(m.matches(review(prodNamespace), namespace: nil))
    }

    func testNameGlob() throws {
        let m = try match("name: 'web-*'")
        XCTAssertTrue(m.matches(review(GatekeeperFixtures.pod(name: "web-1")), namespace: nil))
        XCTAssertFalse(m.matches(review(GatekeeperFixtures.pod(name: "api")), namespace: nil))
    }
}
