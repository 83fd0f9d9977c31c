import PalisadeCore
import XCTest
@testable import Kube

final class KubeLiveDiscoveryTests: XCTestCase {
    private func decode(_ text: String) throws -> Value { try JSONReader.decode(text) }

    func testCoreVersionComesFromAPIVersions() throws {
        XCTAssertEqual(try APIDiscoveryDocuments.coreVersion(try decode(KubeLiveDocuments.apiVersions)), "v1")
        XCTAssertThrowsError(try APIDiscoveryDocuments.coreVersion(try decode(#"{"kind":"APIVersions","versions":[]}"#)))
        XCTAssertThrowsError(try APIDiscoveryDocuments.coreVersion(try decode(#"{"kind":"Status","code":401}"#)))
    }

    func testGroupsAreReadAtTheirPreferredVersionInServerOrder() throws {
        let groups = try APIDiscoveryDocuments.preferredGroupVersions(try decode(KubeLiveDocuments.groupList))
        XCTAssertEqual(groups.map { "\($0.group)/\($0.version)" },
                       ["apps/v1", "events.k8s.io/v1", "extensions/v1beta1", "networking.k8s.io/v1", "metrics.k8s.io/v1beta1"])
    }

    func testGroupWithoutPreferredVersionFallsBackToItsFirstVersion() throws {
        let document = try decode(#"{"kind":"APIGroupList","groups":[{"name":"x.io","versions":[{"groupVersion":"x.io/v2","version":"v2"}]}]}"#)
        XCTAssertEqual(try APIDiscoveryDocuments.preferredGroupVersions(document).map(\.version), ["v2"])
    }

    func testResourceListKeepsListableTopLevelResources() throws {
        let core = try APIDiscoveryDocuments.listableResources(try decode(KubeLiveDocuments.coreResources), group: "", version: "v1")
        // bindings (create only) and the subresources namespaces/status and pods/exec are left out.
        XCTAssertEqual(core.map(\.name), ["events", "namespaces", "pods", "secrets"])
        XCTAssertEqual(core.first { $0.name == "namespaces" }?.namespaced, false)
        XCTAssertEqual(core.first { $0.name == "pods" }?.listPath, "/api/v1/pods")

        let apps = try APIDiscoveryDocuments.listableResources(try decode(KubeLiveDocuments.appsResources), group: "apps", version: "v1")
        XCTAssertEqual(apps.map(\.kind), ["Deployment"])
        XCTAssertEqual(apps.first?.listPath, "/apis/apps/v1/deployments")
        XCTAssertEqual(apps.first?.groupVersion, "apps/v1")
        XCTAssertEqual(apps.first?.description, "deployments.apps")
    }

    func testDiscoveryReadsAllGroupsAndWarnsAboutUnavailableOnes() async throws {
        let server = KubeLiveFakeServer(KubeLiveDocuments.discovery)
        let outcome = try await APIDiscovery(getter: server, concurrency: 3).run()
        XCTAssertEqual(outcome.types.map(\.description), [
            "events", "namespaces", "pods", "secrets", "deployments.apps", "events.events.k8s.io",
            "ingresses.extensions", "ingressclasses.networking.k8s.io", "ingresses.networking.k8s.io",
            "networkpolicies.networking.k8s.io",
        ])
        XCTAssertEqual(outcome.warnings.count, 1)
        XCTAssertTrue(outcome.warnings[0].contains("metrics.k8s.io/v1beta1"), outcome.warnings[0])
        XCTAssertTrue(outcome.warnings[0].contains("503"), outcome.warnings[0])
        XCTAssertFalse(server.requests.contains("/apis/networking.k8s.io/v1beta1"), "only preferred versions are read")
    }

    func testUnreadableCoreDiscoveryIsAnError() async {
        var answers = KubeLiveDocuments.discovery
        answers["/api"] = [.status(code: 401, body: #"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#)]
        do {
            _ = try await APIDiscovery(getter: KubeLiveFakeServer(answers), concurrency: 2).run()
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual((error as? KubeAPIError)?.statusCode, 401)
            XCTAssertTrue("\(error)".contains("Unauthorized"), "\(error)")
        }
    }

    func testSelectionDropsSupersededGroupsAndEventsByDefault() async throws {
        let outcome = try await APIDiscovery(getter: KubeLiveFakeServer(KubeLiveDocuments.discovery), concurrency: 2).run()
        let selected = ResourceTypeSelection.select(outcome.types)
        XCTAssertEqual(selected.map(\.description), [
            "namespaces", "pods", "secrets", "deployments.apps",
            "ingressclasses.networking.k8s.io", "ingresses.networking.k8s.io", "networkpolicies.networking.k8s.io",
        ])
    }

    func testLegacyGroupIsKeptWhenTheNewGroupIsAbsent() {
        let legacy = APIResourceType(group: "extensions", version: "v1beta1", name: "ingresses", kind: "Ingress",
                                     namespaced: true, verbs: ["list"])
        XCTAssertEqual(ResourceTypeSelection.select([legacy]), [legacy])
    }

    func testKindFilterMatchesKindPluralAndQualifiedNames() async throws {
        let outcome = try await APIDiscovery(getter: KubeLiveFakeServer(KubeLiveDocuments.discovery), concurrency: 2).run()
        XCTAssertEqual(ResourceTypeSelection.select(outcome.types, kinds: ["Deployment", "secrets"]).map(\.description),
                       ["secrets", "deployments.apps"])
        XCTAssertEqual(ResourceTypeSelection.select(outcome.types, kinds: ["ingresses.networking.k8s.io"]).map(\.description),
                       ["ingresses.networking.k8s.io"])
        // Events are read when asked for, once (the core group's; events.k8s.io serves the same objects).
        XCTAssertEqual(ResourceTypeSelection.select(outcome.types, kinds: ["event"]).map(\.description), ["events"])
    }
}
