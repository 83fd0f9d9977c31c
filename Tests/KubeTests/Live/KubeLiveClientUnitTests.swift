import PalisadeCore
import XCTest
@testable import Kube

final class KubeLiveClientUnitTests: XCTestCase {
    private func connection(server: String, tlsServerName: String? = nil) -> ClusterConnection {
        ClusterConnection(
            contextName: "test", server: server, namespace: "default", certificateAuthority: nil,
            insecureSkipTLSVerify: false, tlsServerName: tlsServerName, proxyURL: nil, clientCertificate: nil,
            clientKey: nil, credentials: .none, impersonate: nil, impersonateGroups: [])
    }

    func testStatusBodyBecomesAClearMessage() {
        let body = Array(KubeLiveDocuments.forbiddenSecrets.utf8)
        let error = KubeAPIError.status(KubeStatus.parse(code: 403, body: body), path: "/api/v1/secrets")
        XCTAssertEqual(error.statusCode, 403)
        XCTAssertEqual("\(error)", #"GET /api/v1/secrets: 403 Forbidden: secrets is forbidden: User "jane" cannot list resource "secrets" in API group "" at the cluster scope"#)
    }

    func testPlainTextErrorBodyIsKept() {
        let status = KubeStatus.parse(code: 502, body: Array("Bad Gateway\nmore".utf8))
        XCTAssertEqual(status.code, 502)
        XCTAssertEqual(status.message, "Bad Gateway")
    }

    func testQueryValuesArePercentEncodedAndPathPrefixKept() throws {
        let endpoint = try KubeEndpoint(connection(server: "https://k8s.example:6443/prefix/"))
        XCTAssertEqual(endpoint.url(path: "/api/v1/pods", query: [("limit", "2"), ("continue", "eyJ2Ijoi+/=")]),
                       "https://k8s.example:6443/prefix/api/v1/pods?limit=2&continue=eyJ2Ijoi%2B%2F%3D")
        XCTAssertTrue(endpoint.dnsOverride.isEmpty)
    }

    func testTLSServerNameAddressesTheNameAndConnectsToTheHost() throws {
        let endpoint = try KubeEndpoint(connection(server: "https://10.0.0.1:6443", tlsServerName: "kubernetes"))
        XCTAssertEqual(endpoint.url(path: "/api", query: []), "https://kubernetes:6443/api")
        XCTAssertEqual(endpoint.dnsOverride, ["kubernetes": "10.0.0.1"])
        XCTAssertEqual(endpoint.server, "https://10.0.0.1:6443")
    }

    func testServerMustBeAnHTTPURL() {
        XCTAssertThrowsError(try KubeEndpoint(connection(server: "k8s.example:6443")))
        XCTAssertThrowsError(try KubeEndpoint(connection(server: "ftp://k8s.example")))
    }

    func testExecCredentialOutputIsParsed() throws {
        let plugin = Kubeconfig.ExecPlugin(apiVersion: "client.authentication.k8s.io/v1", command: "plugin", args: [],
                                           env: [], installHint: nil, provideClusterInfo: false)
        let token = try ExecCredentialPlugin.parse(Array(#"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"my-bearer-token","expirationTimestamp":"2030-01-01T00:00:00Z"}}"#.utf8), plugin: plugin)
        XCTAssertEqual(token.token, "my-bearer-token")
        XCTAssertThrowsError(try ExecCredentialPlugin.parse(Array(#"{"kind":"ExecCredential","status":{}}"#.utf8), plugin: plugin))
    }

    func testExecPluginRunsWithArgumentsNotAShell() async throws {
        // `printf FORMAT ARG`: a shell would expand `$(id)`; as an argument it is printed as is.
        let plugin = Kubeconfig.ExecPlugin(
            apiVersion: "client.authentication.k8s.io/v1", command: "printf",
            args: [#"{"kind":"ExecCredential","status":{"token":"%s"}}"#, "$(id)"],
            env: [], installHint: nil, provideClusterInfo: false)
        let credential = try await ExecCredentialPlugin.run(plugin, timeout: 10)
        XCTAssertEqual(credential.token, "$(id)")
    }
}
