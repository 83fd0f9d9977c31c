import AsyncHTTPClient
import Detection
import DetectionIO
import Foundation
import NIOSSL
import PalisadeCore
import XCTest

/// The bar: a real kube-apiserver (scripts/kube-apiserver) sends its audit
/// events to the webhook over HTTPS (--audit-webhook-config-file), and the
/// objects created through its API raise the k8s_audit rules Falco's
/// k8saudit rules define for them.
final class AuditServerKubeAPIServerTests: XCTestCase {
    private static let apiPort = 16643
    private static let etcdPort = 23990

    /// Object to create → the rule it must raise (Falco's default
    /// `rule_matching: first`, so each object is built to hit one rule first).
    private static let cases: [(name: String, path: String, body: String, rule: String)] = [
        ("namespace", "/api/v1/namespaces",
         #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"palisade-audit-ns"}}"#,
         "Create Disallowed Namespace"),
        ("privileged pod", "/api/v1/namespaces/default/pods",
         pod("privileged-pod", spec: #""containers":[{"name":"c","image":"busybox","securityContext":{"privileged":true}}]"#),
         "Create Privileged Pod"),
        ("sensitive mount pod", "/api/v1/namespaces/default/pods",
         pod("sensitive-mount-pod", spec: #""containers":[{"name":"c","image":"busybox","volumeMounts":[{"name":"etc","mountPath":"/host/etc"}]}],"volumes":[{"name":"etc","hostPath":{"path":"/etc"}}]"#),
         "Create Sensitive Mount Pod"),
        ("host network pod", "/api/v1/namespaces/default/pods",
         pod("host-network-pod", spec: #""hostNetwork":true,"containers":[{"name":"c","image":"busybox"}]"#),
         "Create HostNetwork Pod"),
        ("host pid pod", "/api/v1/namespaces/default/pods",
         pod("host-pid-pod", spec: #""hostPID":true,"containers":[{"name":"c","image":"busybox"}]"#),
         "Create HostPid Pod"),
        ("configmap with credentials", "/api/v1/namespaces/default/configmaps",
         #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"creds"},"data":{"config":"aws_access_key_id = AKIAEXAMPLE"}}"#,
         "Create/Modify Configmap With Private Credentials"),
        ("cluster-admin binding", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
         #"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"palisade-admin"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},"subjects":[{"kind":"User","name":"mallory","apiGroup":"rbac.authorization.k8s.io"}]}"#,
         "Attach to cluster-admin Role"),
        ("wildcard cluster role", "/apis/rbac.authorization.k8s.io/v1/clusterroles",
         #"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"palisade-wildcard"},"rules":[{"apiGroups":["*"],"resources":["*"],"verbs":["get"]}]}"#,
         "ClusterRole With Wildcard Created"),
        ("node port service", "/api/v1/namespaces/default/services",
         #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"np"},"spec":{"type":"NodePort","ports":[{"port":80}],"selector":{"app":"x"}}}"#,
         "Create NodePort Service"),
        ("service account in kube-system", "/api/v1/namespaces/kube-system/serviceaccounts",
         #"{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"palisade-sa"}}"#,
         "Service Account Created in Kube Namespace"),
        ("secret", "/api/v1/namespaces/default/secrets",
         #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"palisade-secret"},"stringData":{"k":"v"}}"#,
         "K8s Secret Created"),
        ("deployment", "/apis/apps/v1/namespaces/default/deployments",
         #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}"#,
         "K8s Deployment Created"),
    ]

    private static func pod(_ name: String, spec: String) -> String {
        #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":""# + name + #""},"spec":{"# + spec + "}}"
    }

    func testRealAPIServerAuditEventsRaiseK8sAuditRules() async throws {
        try AuditServerTestSupport.requireCorpus()
        let script = AuditServerTestSupport.repositoryRoot.appendingPathComponent("scripts/kube-apiserver").path
        try requireAPIServer(script: script)
        let started = Date()
        let run = try AuditServerTestSupport.temporaryDirectory("apiserver-audit")
        defer { try? FileManager.default.removeItem(at: run) }

        let engine = try Self.makeEngine()
        let alerts = CollectedAlerts()
        let pem = try AuditServerTestSupport.makeSelfSignedCertificate(in: run, commonName: "palisade-audit-webhook")
        let server = AuditWebhookServer<AuditEvent>(
            configuration: AuditWebhookConfiguration(
                port: 0, tls: TLSFiles(certificateChainPath: pem.certificate, privateKeyPath: pem.key), eventLoopThreads: 1),
            decode: { try AuditEventDecoder.decode($0, maxBytes: AuditWebhookConfiguration.falcoMaxBodyBytes) },
            process: { event in alerts.add(engine.process(event)) })
        let webhookPort = try server.start()
        defer { server.shutdown() }

        let apiRun = run.appendingPathComponent("kube")
        try writeAuditConfiguration(in: run, webhookPort: webhookPort, caFile: pem.certificate)
        let environment = ["KUBE_APISERVER_PORT": String(Self.apiPort), "KUBE_ETCD_PORT": String(Self.etcdPort)]
        let start = try AuditServerTestSupport.run("/bin/bash", [
            script, "start", apiRun.path, "--",
            "--audit-policy-file=\(run.appendingPathComponent("audit-policy.yaml").path)",
            "--audit-webhook-config-file=\(run.appendingPathComponent("audit-webhook.kubeconfig").path)",
            "--audit-webhook-batch-max-wait=1s",
        ], environment: environment)
        defer { _ = try? AuditServerTestSupport.run("/bin/bash", [script, "stop", apiRun.path]) }
        guard start.status == 0 else {
            let log = (try? String(contentsOf: apiRun.appendingPathComponent("apiserver.log"), encoding: .utf8)) ?? ""
            XCTFail("kube-apiserver did not start: \(start.output)\n\(log.suffix(3000))")
            return
        }

        try await createObjects(caFile: apiRun.appendingPathComponent("apiserver.crt").path)
        let expected = Set(Self.cases.map(\.rule))
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !expected.isSubset(of: alerts.ruleNames) {
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        let fired = alerts.ruleNames
        let stats = server.statistics
        print("apiserver audit: \(stats.acceptedEvents) events in \(stats.acceptedRequests) requests, " +
              "rules fired: \(fired.sorted()), \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        for rule in expected.sorted() where !fired.contains(rule) {
            XCTFail("rule \(rule) did not fire")
        }
        XCTAssertEqual(stats.rejectedMalformed, 0)
        XCTAssertEqual(stats.rejectedShed, 0)
        let privileged = alerts.all.first { $0.rule == "Create Privileged Pod" }
        XCTAssertEqual(privileged?.priority, .warning)
        XCTAssertEqual(privileged?.source, "k8s_audit")
        XCTAssertTrue(privileged?.output.contains("user=admin") ?? false, privileged?.output ?? "")
        XCTAssertTrue(privileged?.output.contains("busybox") ?? false, privileged?.output ?? "")
    }

    private static func makeEngine() throws -> DetectionEngine {
        let path = AuditServerTestSupport.k8sAuditRules.path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (rules, diagnostics) = RulesLoader.load(files: [(text, path)])
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw AuditServerRulesError(message: "k8s_audit_rules.yaml does not load: \(errors)") }
        return DetectionEngine(rules: rules)
    }

    /// Skips when the apiserver cannot run here, except in CI
    /// (PALISADE_REQUIRE_LIVE_CLUSTER=1), where that is a failure.
    private func requireAPIServer(script: String) throws {
        if try AuditServerTestSupport.run("/bin/bash", [script, "available"]).status == 0 { return }
        let required = ProcessInfo.processInfo.environment["PALISADE_REQUIRE_LIVE_CLUSTER"] == "1"
        func unavailable(_ reason: String) throws -> Never {
            if required { XCTFail("kube-apiserver is required but unavailable: \(reason)") }
            throw XCTSkip(reason)
        }
        guard getuid() == 0 else {
            try unavailable("kube-apiserver is not built and building it needs root (scripts/kube-apiserver build)")
        }
        let build = try AuditServerTestSupport.run("/bin/bash", [script, "build"], timeout: 1800)
        guard build.status == 0 else {
            try unavailable("kube-apiserver cannot be built here: \(build.output.suffix(2000))")
        }
    }

    private func writeAuditConfiguration(in run: URL, webhookPort: Int, caFile: String) throws {
        let kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: palisade
          cluster:
            server: https://127.0.0.1:\(webhookPort)/k8s-audit
            certificate-authority: \(caFile)
        users:
        - name: kube-apiserver
        contexts:
        - name: default
          context: {cluster: palisade, user: kube-apiserver}
        current-context: default

        """
        let policy = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: [RequestReceived]
        rules:
        - level: None
          nonResourceURLs: ["/healthz*", "/readyz*", "/livez*", "/version"]
        - level: RequestResponse
          resources:
          - group: ""
            resources: [pods, configmaps, secrets, services, serviceaccounts, namespaces]
          - group: apps
            resources: [deployments, daemonsets]
          - group: rbac.authorization.k8s.io
            resources: [clusterroles, clusterrolebindings, roles, rolebindings]
        - level: Metadata

        """
        try Data(kubeconfig.utf8).write(to: run.appendingPathComponent("audit-webhook.kubeconfig"))
        try Data(policy.utf8).write(to: run.appendingPathComponent("audit-policy.yaml"))
    }

    private func createObjects(caFile: String) async throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(tlsConfiguration: tls))
        do {
            for item in Self.cases {
                var request = HTTPClientRequest(url: "https://127.0.0.1:\(Self.apiPort)\(item.path)")
                request.method = .POST
                request.headers.add(name: "authorization", value: "Bearer admin-token")
                request.headers.add(name: "content-type", value: "application/json")
                request.body = .bytes(Array(item.body.utf8))
                let response = try await client.execute(request, timeout: .seconds(30))
                let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
                XCTAssertEqual(response.status.code, 201, "creating \(item.name): \(text.prefix(500))")
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}

final class CollectedAlerts: @unchecked Sendable {
    private let lock = NSLock()
    private var alerts: [Alert] = []

    func add(_ new: [Alert]) {
        guard !new.isEmpty else { return }
        lock.lock()
        alerts += new
        lock.unlock()
    }

    var all: [Alert] {
        lock.lock()
        defer { lock.unlock() }
        return alerts
    }

    var ruleNames: Set<String> { Set(all.map(\.rule)) }
}

private struct AuditServerRulesError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
