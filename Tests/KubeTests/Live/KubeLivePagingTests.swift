import PalisadeCore
import XCTest
@testable import Kube

final class KubeLivePagingTests: XCTestCase {
    private let pods = APIResourceType(group: "", version: "v1", name: "pods", kind: "Pod", namespaced: true, verbs: ["list"])

    /// A PodList page in the shape of the API concepts documentation (items without apiVersion/kind).
    private func podPage(_ names: [String], continue token: String?) -> KubeLiveFakeServer.Answer {
        let items = names.map {
            #"{"metadata":{"name":"\#($0)","namespace":"default","uid":"uid-\#($0)","resourceVersion":"10245"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}"#
        }
        let continueField = token.map { #","continue":"\#($0)","remainingItemCount":1"# } ?? ""
        return .json(#"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"10245"\#(continueField)},"items":[\#(items.joined(separator: ","))]}"#)
    }

    func testPagesAreFollowedUntilTheContinueTokenIsEmpty() async throws {
        let server = KubeLiveFakeServer([
            "/api/v1/pods?limit=2": [podPage(["a", "b"], continue: "T1")],
            "/api/v1/pods?limit=2&continue=T1": [podPage(["c", "d"], continue: "T2")],
            "/api/v1/pods?limit=2&continue=T2": [podPage(["e"], continue: nil)],
        ])
        let items = try await ResourcePager(getter: server, pageSize: 2).items(of: pods)
        XCTAssertEqual(items.compactMap { $0["metadata"]?["name"]?.stringValue }, ["a", "b", "c", "d", "e"])
        XCTAssertEqual(server.requests.count, 3)
    }

    func testExpiredContinueTokenRestartsTheList() async throws {
        let server = KubeLiveFakeServer([
            "/api/v1/pods?limit=2": [podPage(["a", "b"], continue: "OLD"), podPage(["a", "b"], continue: "NEW")],
            "/api/v1/pods?limit=2&continue=OLD": [.status(code: 410, body: KubeLiveDocuments.expired)],
            "/api/v1/pods?limit=2&continue=NEW": [podPage(["c"], continue: nil)],
        ])
        let items = try await ResourcePager(getter: server, pageSize: 2).items(of: pods)
        XCTAssertEqual(items.compactMap { $0["metadata"]?["name"]?.stringValue }, ["a", "b", "c"])
        XCTAssertEqual(server.requests, ["/api/v1/pods?limit=2", "/api/v1/pods?limit=2&continue=OLD",
                                         "/api/v1/pods?limit=2", "/api/v1/pods?limit=2&continue=NEW"])
    }

    func testTokensThatKeepExpiringEndInAnError() async {
        let server = KubeLiveFakeServer([
            "/api/v1/pods?limit=1": [podPage(["a"], continue: "T")],
            "/api/v1/pods?limit=1&continue=T": [.status(code: 410, body: KubeLiveDocuments.expired)],
        ])
        do {
            _ = try await ResourcePager(getter: server, pageSize: 1).items(of: pods)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual((error as? KubeAPIError)?.statusCode, 410)
            XCTAssertTrue("\(error)".contains("Expired"), "\(error)")
            XCTAssertEqual(server.requests.count, 2 * (ResourcePager.maxRestarts + 1))
        }
    }

    func testListItemsGetApiVersionAndKindAndLoseManagedFields() throws {
        let deployments = APIResourceType(group: "apps", version: "v1", name: "deployments", kind: "Deployment", namespaced: true, verbs: ["list"])
        let item = try JSONReader.decode(#"{"metadata":{"name":"web","namespace":"shop","managedFields":[{"manager":"kubectl","operation":"Apply"}]},"spec":{"replicas":2}}"#)
        let object = try XCTUnwrap(ListedObject.make(item, as: deployments))
        XCTAssertEqual(object.apiVersion, "apps/v1")
        XCTAssertEqual(object.kind, "Deployment")
        XCTAssertEqual(object.namespace, "shop")
        XCTAssertNil(object.metadata["managedFields"])
        XCTAssertEqual(object.value(at: ["spec", "replicas"])?.intValue, 2)
    }

    func testSecretValuesAreDroppedButTypeAndKeysKept() throws {
        let secrets = APIResourceType(group: "", version: "v1", name: "secrets", kind: "Secret", namespaced: true, verbs: ["list"])
        let item = try JSONReader.decode("""
            {"metadata":{"name":"db","namespace":"shop","annotations":{
               "kubectl.kubernetes.io/last-applied-configuration":"{\\"data\\":{\\"password\\":\\"aHVudGVyMg==\\"}}","team":"a"}},
             "type":"kubernetes.io/basic-auth","data":{"username":"YWRtaW4=","password":"aHVudGVyMg=="},
             "stringData":{"extra":"plain"}}
            """)
        let object = try XCTUnwrap(ListedObject.make(item, as: secrets))
        XCTAssertEqual(object.value["type"]?.stringValue, "kubernetes.io/basic-auth")
        XCTAssertEqual(object.value["data"]?.objectValue?.keys.compactMap(\.stringValue).sorted(), ["password", "username"])
        XCTAssertEqual(object.value["data"]?["password"]?.stringValue, "")
        XCTAssertEqual(object.value["stringData"]?["extra"]?.stringValue, "")
        XCTAssertEqual(object.annotations["kubectl.kubernetes.io/last-applied-configuration"], "")
        XCTAssertEqual(object.annotations["team"], "a")
    }

    func testReaderWarnsAboutForbiddenTypesAndReadsTheRest() async throws {
        var answers = KubeLiveDocuments.discovery
        answers["/api/v1/namespaces?limit=500"] = [.json(#"{"kind":"NamespaceList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"shop","uid":"ns-1"}}]}"#)]
        answers["/api/v1/pods?limit=500"] = [podPage(["a"], continue: nil)]
        answers["/api/v1/secrets?limit=500"] = [.status(code: 403, body: KubeLiveDocuments.forbiddenSecrets)]
        for path in ["/apis/apps/v1/deployments", "/apis/networking.k8s.io/v1/ingressclasses",
                     "/apis/networking.k8s.io/v1/ingresses", "/apis/networking.k8s.io/v1/networkpolicies"] {
            answers[path + "?limit=500"] = [.json(#"{"kind":"List","apiVersion":"v1","metadata":{},"items":[]}"#)]
        }
        let connection = ClusterConnection(
            contextName: "test", server: "https://127.0.0.1:1", namespace: "default", certificateAuthority: nil,
            insecureSkipTLSVerify: false, tlsServerName: nil, proxyURL: nil, clientCertificate: nil, clientKey: nil,
            credentials: .none, impersonate: nil, impersonateGroups: [])
        let result = try await ClusterReader(connection: connection).read(using: KubeLiveFakeServer(answers), kinds: nil)
        XCTAssertEqual(result.objects.map { "\($0.kind) \($0.name)" }, ["Namespace shop", "Pod a"])
        XCTAssertEqual(result.resourceTypes, 7)
        XCTAssertEqual(result.typesRead.count, 6)
        let forbidden = result.warnings.filter { $0.contains("forbidden") }
        XCTAssertEqual(forbidden.count, 1)
        XCTAssertTrue(forbidden[0].contains("secrets"), forbidden[0])
        XCTAssertTrue(forbidden[0].contains(#"User "jane" cannot list resource "secrets""#), forbidden[0])
        XCTAssertTrue(result.warnings.contains { $0.contains("metrics.k8s.io") })
    }
}
