import XCTest
@testable import NetPolicy

/// Ingress and Route objects let `{ingress-controller}` reach the workloads behind their Services.
final class IngressControllerTests: XCTestCase {
    private let web = ConnlistFixture.deployment("web", namespace: "shop", labels: "app: web",
                                                 ports: "{name: http, containerPort: 8080}")
    private let service = """
    apiVersion: v1
    kind: Service
    metadata: {name: web, namespace: shop}
    spec:
      selector: {app: web}
      ports: [{port: 80, targetPort: http}]
    """
    private let ingress = """
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: web, namespace: shop}
    spec:
      rules:
        - http:
            paths:
              - path: /
                pathType: Prefix
                backend: {service: {name: web, port: {number: 80}}}
    """

    private func controllerLines(_ extra: [String] = []) -> [String] {
        ConnlistFixture([web, service, ingress] + extra).lines().filter { $0.hasPrefix("{ingress-controller}") }
    }

    func testTheServiceTargetPortIsResolvedOnTheWorkload() {
        XCTAssertEqual(controllerLines(), ["{ingress-controller} => shop/web[Deployment] : TCP 8080"])
    }

    func testAPolicyAdmittingEveryNamespaceKeepsTheLine() {
        let policy = ConnlistFixture.policy("any-ns", namespace: "shop", spec: """
          podSelector: {}
          ingress: [{from: [{namespaceSelector: {}}]}]
        """)
        XCTAssertEqual(controllerLines([policy]), ["{ingress-controller} => shop/web[Deployment] : TCP 8080"])
    }

    func testAPolicyAdmittingOnlyOtherPodsRemovesTheLine() {
        let policy = ConnlistFixture.policy("only-frontend", namespace: "shop", spec: """
          podSelector: {}
          ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}]}]
        """)
        XCTAssertEqual(controllerLines([policy]), [])
    }

    func testARouteWithoutPortUsesEveryServicePort() {
        let route = """
        apiVersion: route.openshift.io/v1
        kind: Route
        metadata: {name: web, namespace: shop}
        spec: {to: {kind: Service, name: web}}
        """
        let lines = ConnlistFixture([web, service, route]).lines().filter { $0.hasPrefix("{ingress-controller}") }
        XCTAssertEqual(lines, ["{ingress-controller} => shop/web[Deployment] : TCP 8080"])
    }

    func testATargetPortThePodsDoNotDeclareIsNotReached() {
        let other = ConnlistFixture.deployment("db", namespace: "shop", labels: "app: web, tier: db",
                                               ports: "{containerPort: 5432}")
        let lines = ConnlistFixture([web, other, service, ingress]).lines().filter { $0.hasPrefix("{ingress-controller}") }
        XCTAssertEqual(lines, ["{ingress-controller} => shop/web[Deployment] : TCP 8080"])
    }
}
