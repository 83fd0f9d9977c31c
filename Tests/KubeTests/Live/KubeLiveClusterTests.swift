import Foundation
import PalisadeCore
import XCTest
@testable import Kube

/// Integration tests against a real kube-apiserver v1.20.2 (see
/// scripts/kube-apiserver), started once for the class. Objects are created
/// through the API, then read back with `ClusterReader`.
///
/// They skip only when the apiserver cannot be built or started here; with
/// PALISADE_REQUIRE_LIVE_CLUSTER=1 (CI) that is a failure instead.
final class KubeLiveClusterTests: XCTestCase {
    nonisolated(unsafe) private static var cluster: KubeLiveCluster?
    nonisolated(unsafe) private static var unavailable: String?
    nonisolated(unsafe) private static var seedError: String?

    override class func setUp() {
        super.setUp()
        let started = Date()
        switch KubeLiveCluster.start() {
        case .failure(let reason):
            unavailable = reason.description
        case .success(let live):
            cluster = live
            do {
                try KubeLiveBlocking.run {
                    let writer = try KubeLiveAPIWriter(cluster: live)
                    do { try await KubeLiveSeed.create(with: writer) } catch { await writer.shutdown(); throw error }
                    await writer.shutdown()
                }
            } catch {
                seedError = "\(error)"
            }
            print("KubeLiveClusterTests: apiserver on \(live.server) started and seeded in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        }
    }

    override class func tearDown() {
        cluster?.stop()
        cluster = nil
        super.tearDown()
    }

    private func live() throws -> KubeLiveCluster {
        if let seedError = Self.seedError { throw KubeLiveSkip("creating the test objects failed: \(seedError)") }
        guard let cluster = Self.cluster else {
            let reason = Self.unavailable ?? "not started"
            if ProcessInfo.processInfo.environment["PALISADE_REQUIRE_LIVE_CLUSTER"] == "1" {
                XCTFail("kube-apiserver is required but unavailable: \(reason)")
            }
            throw XCTSkip("kube-apiserver unavailable: \(reason)")
        }
        return cluster
    }

    private func read(_ connection: ClusterConnection, kinds: Set<String>? = nil, pageSize: Int = 500) async throws -> ClusterReadResult {
        let started = Date()
        let result = try await ClusterReader(connection: connection, pageSize: pageSize).readAll(kinds: kinds)
        print("read \(result.objects.count) objects of \(result.resourceTypes) resource types (page size \(pageSize)) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        return result
    }

    func testReadAllReturnsCreatedObjectsWithTheirKinds() async throws {
        let cluster = try live()
        let result = try await read(try cluster.connection())
        let inventory = InventorySnapshot(result.objects)
        XCTAssertEqual(result.warnings, [], "the admin may read everything")
        XCTAssertGreaterThan(result.resourceTypes, 30, "v1.20 serves more than 30 listable resource types")

        let deployment = try XCTUnwrap(inventory.object(kind: "Deployment", namespace: "live-a", name: "priv-web"))
        XCTAssertEqual(deployment.apiVersion, "apps/v1")
        XCTAssertEqual(deployment.value(at: ["spec", "template", "spec", "containers"])?.arrayValue?.first?["securityContext"]?["privileged"], .bool(true))
        XCTAssertEqual(deployment.value(at: ["spec", "template", "spec", "hostPID"]), .bool(true))
        XCTAssertEqual(inventory.podSpecs.filter { $0.owner.namespace == "live-a" }.count, 2, "the Deployment's template and the Pod")

        let service = try XCTUnwrap(inventory.object(kind: "Service", namespace: "live-a", name: "public-lb"))
        XCTAssertEqual(service.apiVersion, "v1")
        XCTAssertEqual(service.value(at: ["spec", "type"])?.stringValue, "LoadBalancer")

        let binding = try XCTUnwrap(inventory.object(kind: "ClusterRoleBinding", name: "live-alice-admin"))
        XCTAssertEqual(binding.apiVersion, "rbac.authorization.k8s.io/v1")
        XCTAssertEqual(binding.value(at: ["roleRef", "name"])?.stringValue, "cluster-admin")
        XCTAssertNotNil(inventory.object(kind: "ClusterRole", name: "cluster-admin"), "bootstrap RBAC is read too")

        XCTAssertEqual(Set(inventory.objects(ofKind: "Namespace").map(\.name)).isSuperset(of: ["default", "kube-system", "live-a", "live-b"]), true)
        XCTAssertEqual(inventory.object(kind: "Pod", namespace: "live-a", name: "priv-pod")?.apiVersion, "v1")
        XCTAssertEqual(inventory.object(kind: "Widget", namespace: "live-a", name: "w1")?.apiVersion, "example.palisade.dev/v1",
                       "custom resources are discovered")
    }

    func testObjectsServedByTwoGroupsAreReadOnce() async throws {
        let result = try await read(try live().connection())
        let ingresses = result.objects.filter { $0.kind == "Ingress" && $0.name == "web" }
        // v1.20 serves Ingress as extensions/v1beta1 and networking.k8s.io/v1 (and v1beta1).
        XCTAssertEqual(ingresses.map(\.apiVersion), ["networking.k8s.io/v1"])
        XCTAssertFalse(result.typesRead.contains { $0.group == "extensions" && $0.kind == "Ingress" })
        XCTAssertFalse(result.objects.contains { $0.kind == "Event" }, "events are skipped by default")
        let uids = result.objects.compactMap(\.uid)
        XCTAssertEqual(uids.count, Set(uids).count, "no object is read twice")
    }

    func testSecretValuesAreNotKept() async throws {
        let result = try await read(try live().connection(), kinds: ["Secret"])
        let secret = try XCTUnwrap(result.objects.first { $0.namespace == "live-a" && $0.name == "db-credentials" })
        XCTAssertEqual(secret.value["type"]?.stringValue, "kubernetes.io/basic-auth")
        XCTAssertEqual(secret.value["data"]?.objectValue?.keys.compactMap(\.stringValue).sorted(), ["password", "username"])
        XCTAssertEqual(secret.value["data"]?["password"]?.stringValue, "")
        XCTAssertFalse(KubeLiveValueProbe.contains(secret.value, "aHVudGVyMi1saXZl"), "the base64 of the password is gone")
        XCTAssertEqual(Set(result.objects.map(\.kind)), ["Secret"])
    }

    func testPagingWithASmallPageSizeReadsEverything() async throws {
        let cluster = try live()
        let client = try await KubeAPIClient.connect(try cluster.connection())
        let firstPage = try await client.get("/api/v1/namespaces/live-b/configmaps", query: [("limit", "10")])
        await client.shutdown()
        XCTAssertEqual(firstPage["items"]?.arrayValue?.count, 10)
        XCTAssertNotEqual(firstPage["metadata"]?["continue"]?.stringValue ?? "", "", "the server pages at limit=10")

        let paged = try await read(try cluster.connection(), pageSize: 10)
        let whole = try await read(try cluster.connection(), pageSize: 500)
        XCTAssertEqual(paged.objects.filter { $0.kind == "ConfigMap" && $0.namespace == "live-b" }.count, KubeLiveSeed.configMapCount)
        XCTAssertEqual(Set(paged.objects.compactMap(\.uid)), Set(whole.objects.compactMap(\.uid)))
        XCTAssertEqual(paged.warnings, [])
    }

    func testUserWithoutRBACGetsForbiddenWarningsNotAnError() async throws {
        let result = try await read(try live().connection(.bearerToken("viewer-token")))
        XCTAssertEqual(result.objects.count, 0)
        XCTAssertEqual(result.warnings.count, result.resourceTypes, "every type is forbidden")
        let deployments = try XCTUnwrap(result.warnings.first { $0.contains("deployments.apps") })
        XCTAssertTrue(deployments.contains("forbidden"), deployments)
        XCTAssertTrue(deployments.contains(#"User "viewer" cannot list resource "deployments""#), deployments)
    }

    func testWrongTokenIsAClearError() async throws {
        do {
            _ = try await read(try live().connection(.bearerToken("no-such-token")))
            XCTFail("expected an error")
        } catch let error as KubeAPIError {
            XCTAssertEqual(error.statusCode, 401, "\(error)")
            XCTAssertTrue("\(error)".contains("Unauthorized"), "\(error)")
        }
    }

    func testTokenFileIsRead() async throws {
        let cluster = try live()
        let tokenFile = cluster.runDirectory + "/token-file"
        try "admin-token\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let result = try await read(try cluster.connection(.bearerTokenFile(tokenFile)), kinds: ["Namespace"])
        XCTAssertTrue(result.objects.contains { $0.name == "live-a" })
    }

    func testScriptKubeconfigConnects() async throws {
        let cluster = try live()
        let connection = try Kubeconfig.load(file: cluster.kubeconfig).connection()
        let result = try await read(connection, kinds: ["Deployment"])
        XCTAssertEqual(result.objects.map(\.name), ["priv-web"])
        XCTAssertEqual(result.warnings, [])
    }

    func testKubeconfigContextsChooseCredentials() async throws {
        let cluster = try live()
        let path = cluster.runDirectory + "/multi-kubeconfig"
        let caData = try Data(contentsOf: URL(fileURLWithPath: cluster.serverCA)).base64EncodedString()
        try "viewer-token".write(toFile: cluster.runDirectory + "/viewer.token", atomically: true, encoding: .utf8)
        try """
            apiVersion: v1
            kind: Config
            current-context: viewer
            clusters:
            - name: live
              cluster: {server: "\(cluster.server)", certificate-authority-data: \(caData)}
            - name: live-wrong-ca
              cluster: {server: "\(cluster.server)", certificate-authority: client-ca.crt}
            users:
            - name: viewer
              user: {tokenFile: viewer.token}
            - name: cert-admin
              user: {client-certificate: admin2.crt, client-key: admin2.key}
            contexts:
            - name: viewer
              context: {cluster: live, user: viewer}
            - name: cert
              context: {cluster: live, user: cert-admin}
            - name: wrong-ca
              context: {cluster: live-wrong-ca, user: cert-admin}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let config = try Kubeconfig.loadDefault(explicitPath: path, environment: [:])

        let viewer = try await read(try config.connection(), kinds: ["Namespace"])
        XCTAssertEqual(viewer.objects.count, 0)
        XCTAssertTrue(viewer.warnings.first?.contains(#"User "viewer""#) ?? false, "\(viewer.warnings)")

        let admin2 = try await read(try config.connection(context: "cert"), kinds: ["ClusterRoleBinding"])
        XCTAssertEqual(admin2.warnings, [])
        XCTAssertTrue(admin2.objects.contains { $0.name == "live-alice-admin" })

        do {
            _ = try await read(try config.connection(context: "wrong-ca"), kinds: ["Namespace"])
            XCTFail("expected a TLS error")
        } catch let error as KubeAPIError {
            guard case .tls = error else { return XCTFail("expected a TLS error, got \(error)") }
        }
    }

    func testClientCertificateAuthenticates() async throws {
        let cluster = try live()
        var connection = try cluster.connection(.none)
        connection.clientCertificate = Array(try Data(contentsOf: URL(fileURLWithPath: cluster.clientCertificate)))
        connection.clientKey = Array(try Data(contentsOf: URL(fileURLWithPath: cluster.clientKey)))
        let result = try await read(connection, kinds: ["ClusterRoleBinding", "Secret"])
        XCTAssertEqual(result.warnings, [], "admin2 is in system:masters")
        XCTAssertTrue(result.objects.contains { $0.kind == "Secret" && $0.name == "db-credentials" })
    }

    func testWrongCertificateAuthorityIsATLSError() async throws {
        let cluster = try live()
        var connection = try cluster.connection()
        connection.certificateAuthority = Array(try Data(contentsOf: URL(fileURLWithPath: cluster.clientCA)))
        do {
            _ = try await read(connection)
            XCTFail("expected a TLS error")
        } catch let error as KubeAPIError {
            guard case .tls(let server, _) = error else { return XCTFail("expected a TLS error, got \(error)") }
            XCTAssertEqual(server, cluster.server)
            XCTAssertTrue("\(error)".contains("TLS handshake with \(cluster.server) failed"), "\(error)")
            XCTAssertTrue("\(error)".contains("not trusted"), "\(error)")
        }
    }

    func testInsecureSkipTLSVerifyConnectsWithoutTheCA() async throws {
        var connection = try live().connection()
        connection.certificateAuthority = nil
        connection.insecureSkipTLSVerify = true
        let result = try await read(connection, kinds: ["Namespace"])
        XCTAssertTrue(result.objects.contains { $0.name == "live-b" })
    }

    func testTLSServerNameIsSentAndVerified() async throws {
        // The serving certificate names IP:127.0.0.1 and DNS:localhost; requests go
        // to https://localhost:PORT with a DNS override to 127.0.0.1. (A mismatching
        // name cannot be shown here: NIOSSL also accepts a certificate naming the
        // connected IP address, and this one does.)
        var connection = try live().connection()
        connection.tlsServerName = "localhost"
        let result = try await read(connection, kinds: ["Namespace"])
        XCTAssertTrue(result.objects.contains { $0.name == "live-a" })
    }

    func testInClusterServiceAccountConfiguration() async throws {
        let cluster = try live()
        let directory = cluster.runDirectory + "/serviceaccount"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "admin-token".write(toFile: directory + "/token", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: cluster.serverCA, toPath: directory + "/ca.crt")
        try "live-a".write(toFile: directory + "/namespace", atomically: true, encoding: .utf8)
        let connection = try InClusterConfig.connection(
            environment: ["KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": String(cluster.port)],
            directory: directory)
        XCTAssertEqual(connection.namespace, "live-a")
        let result = try await read(connection, kinds: ["Service"])
        XCTAssertTrue(result.objects.contains { $0.name == "public-lb" })
    }
}

/// Whether a string occurs anywhere in a value (keys and strings).
enum KubeLiveValueProbe {
    static func contains(_ value: Value, _ needle: String) -> Bool {
        switch value {
        case .string(let text): return text.contains(needle)
        case .array(let items): return items.contains { contains($0, needle) }
        case .object(let fields): return fields.contains { contains($0.key, needle) || contains($0.value, needle) }
        default: return false
        }
    }
}

/// Runs async work from synchronous XCTest code (class set-up), blocking the thread.
enum KubeLiveBlocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = KubeLiveResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        guard let result = box.result else { throw KubeLiveSkip("no result") }
        return try result.get()
    }
}

/// Carries a detached task's result to the waiting thread; the semaphore orders the accesses.
final class KubeLiveResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
