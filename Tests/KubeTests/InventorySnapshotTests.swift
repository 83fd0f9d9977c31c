import XCTest
import PalisadeCore
@testable import Kube

final class KubeInventorySnapshotTests: XCTestCase {
    func testIndexes() {
        let set = ManifestLoader().load(text: """
            apiVersion: v1
            kind: Namespace
            metadata: {name: empty}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec: {template: {spec: {containers: [{name: a, image: x}]}}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: admin}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop, labels: {dup: "yes"}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: other}
            """, file: "inv.yaml")
        let snapshot = InventorySnapshot(set.objects)
        XCTAssertEqual(snapshot.count, 6)
        XCTAssertEqual(snapshot.objects.map { "\($0.namespace ?? "-")/\($0.kind)/\($0.name)" },
                       ["-/ClusterRole/admin", "-/Namespace/empty", "other/NetworkPolicy/deny",
                        "shop/Deployment/web", "shop/Service/web", "shop/Service/web"])
        XCTAssertEqual(snapshot.kinds, ["ClusterRole", "Deployment", "Namespace", "NetworkPolicy", "Service"])
        XCTAssertEqual(snapshot.namespaces, ["empty", "other", "shop"])
        XCTAssertEqual(snapshot.objects(ofKind: "Service").count, 2)
        XCTAssertEqual(snapshot.objects(ofKind: "Deployment", group: "extensions").count, 0)
        XCTAssertEqual(snapshot.objects(inNamespace: "shop").count, 3)
        XCTAssertEqual(snapshot.object(kind: "ClusterRole", name: "admin")?.location?.line, 14)
        XCTAssertEqual(snapshot.object(.init(group: "apps", kind: "Deployment", namespace: "shop", name: "web"))?.name, "web")
        XCTAssertNil(snapshot.object(kind: "Deployment", namespace: nil, name: "web"))
        let duplicates = snapshot.duplicates
        XCTAssertEqual(duplicates.count, 1)
        XCTAssertEqual(duplicates.keys.first?.description, "Service shop/web")
        XCTAssertEqual(duplicates.values.first?.map { $0.location?.line }, [10, 18])
        XCTAssertEqual(snapshot.podSpecs.map(\.owner.kind), ["Deployment"])
    }
}
