import XCTest
@testable import NetPolicy

/// Named ports resolve on the destination pods; a name no pod defines is reported.
final class NamedPortTests: XCTestCase {
    private let web = ConnlistFixture.deployment("web", labels: "app: web", ports: "{name: http, containerPort: 8080}")
    private let client = ConnlistFixture.deployment("client", labels: "app: client")

    private func ingressOn(_ port: String) -> String {
        ConnlistFixture.policy("web-\(port)", spec: """
          podSelector: {matchLabels: {app: web}}
          ingress: [{ports: [{port: \(port)}]}]
        """)
    }

    func testANamedPortResolvesToTheDestinationsContainerPort() {
        let fixture = ConnlistFixture([web, client, ingressOn("http")])
        XCTAssertTrue(fixture.lines().contains("default/client[Deployment] => default/web[Deployment] : TCP 8080"))
        XCTAssertEqual(fixture.problems, [])
    }

    func testANameNoSelectedPodDefinesIsReportedAndAllowsNothing() {
        let fixture = ConnlistFixture([web, client, ingressOn("grpc")])
        XCTAssertFalse(fixture.lines().contains { $0.hasSuffix("=> default/web[Deployment] : TCP 8080") })
        XCTAssertEqual(fixture.problems.count, 1)
        XCTAssertTrue(fixture.problems[0].contains("port name: \"grpc\""), fixture.problems[0])
    }
}
