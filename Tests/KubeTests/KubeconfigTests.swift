import Foundation
import XCTest
import PalisadeCore
@testable import Kube

final class KubeKubeconfigTests: XCTestCase {
    private let caPEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    private var caData: String { Data(caPEM.utf8).base64EncodedString() }

    private func config(_ dir: KubeTempDirectory) throws -> String {
        try dir.write("config", """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: dev-cluster
              cluster:
                server: https://dev.example:6443
                certificate-authority-data: \(caData)
                tls-server-name: kubernetes
            - cluster:
                server: https://prod.example
                certificate-authority: certs/ca.pem
              name: prod-cluster
            - name: lab
              cluster:
                server: https://10.0.0.1
                insecure-skip-tls-verify: true
            users:
            - name: dev-user
              user:
                token: abc.def
            - name: prod-user
              user:
                client-certificate: certs/client.pem
                client-key: /abs/client-key.pem
            - name: lab-user
              user:
                tokenFile: token
                as: admin
                as-groups: [system:masters]
            - name: exec-user
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: aws
                  args: [eks, get-token]
                  env: [{name: AWS_PROFILE, value: prod}]
            - name: oidc-user
              user:
                auth-provider: {name: oidc, config: {idp-issuer-url: "https://idp"}}
            - name: basic-user
              user: {username: admin, password: secret}
            contexts:
            - name: dev
              context: {cluster: dev-cluster, user: dev-user, namespace: team-a}
            - name: prod
              context: {cluster: prod-cluster, user: prod-user}
            - name: lab
              context: {cluster: lab, user: lab-user}
            - name: exec
              context: {cluster: lab, user: exec-user}
            - name: oidc
              context: {cluster: lab, user: oidc-user}
            - name: basic
              context: {cluster: lab, user: basic-user}
            - name: anonymous
              context: {cluster: lab}
            - name: broken
              context: {cluster: nowhere, user: dev-user}
            """)
    }

    func testParseAndCurrentContext() throws {
        let dir = try KubeTempDirectory()
        let path = try config(dir)
        let kubeconfig = try Kubeconfig.load(file: path)
        XCTAssertEqual(kubeconfig.currentContext, "dev")
        XCTAssertEqual(kubeconfig.clusters.keys.sorted(), ["dev-cluster", "lab", "prod-cluster"])
        XCTAssertEqual(kubeconfig.clusters["prod-cluster"]?.certificateAuthority, dir.path + "/certs/ca.pem")
        XCTAssertEqual(kubeconfig.clusters["prod-cluster"]?.location.line, 13)
        XCTAssertEqual(kubeconfig.users["prod-user"]?.clientKey, "/abs/client-key.pem")
        XCTAssertEqual(kubeconfig.users["lab-user"]?.location.line, 26)
        XCTAssertEqual(kubeconfig.contexts["prod"]?.location.line, 46)

        let dev = try kubeconfig.connection()
        XCTAssertEqual(dev.contextName, "dev")
        XCTAssertEqual(dev.server, "https://dev.example:6443")
        XCTAssertEqual(dev.namespace, "team-a")
        XCTAssertEqual(dev.certificateAuthority.map { String(decoding: $0, as: UTF8.self) }, caPEM)
        XCTAssertEqual(dev.tlsServerName, "kubernetes")
        XCTAssertEqual(dev.credentials, .bearerToken("abc.def"))
        XCTAssertEqual(try dev.bearerToken(), "abc.def")
        XCTAssertNil(dev.clientCertificate)
    }

    func testContextOverrideAndCredentialKinds() throws {
        let dir = try KubeTempDirectory()
        let kubeconfig = try Kubeconfig.load(file: try config(dir))
        try dir.write("token", "  lab-token\n")
        let lab = try kubeconfig.connection(context: "lab")
        XCTAssertEqual(lab.namespace, "default")
        XCTAssertTrue(lab.insecureSkipTLSVerify)
        XCTAssertEqual(lab.credentials, .bearerTokenFile(dir.path + "/token"))
        XCTAssertEqual(try lab.bearerToken(), "lab-token")
        XCTAssertEqual(lab.impersonate, "admin")
        XCTAssertEqual(lab.impersonateGroups, ["system:masters"])

        guard case .exec(let plugin) = try kubeconfig.connection(context: "exec").credentials else { return XCTFail("exec") }
        XCTAssertEqual(plugin.command, "aws")
        XCTAssertEqual(plugin.args, ["eks", "get-token"])
        XCTAssertEqual(plugin.env, [Kubeconfig.EnvVar(name: "AWS_PROFILE", value: "prod")])
        XCTAssertEqual(try kubeconfig.connection(context: "oidc").credentials,
                       .authProvider(Kubeconfig.AuthProvider(name: "oidc", config: ["idp-issuer-url": "https://idp"])))
        XCTAssertEqual(try kubeconfig.connection(context: "basic").credentials, .basic(username: "admin", password: "secret"))
        XCTAssertEqual(try kubeconfig.connection(context: "anonymous").credentials, .none)
    }

    func testFilesAreReadRelativeToTheKubeconfig() throws {
        let dir = try KubeTempDirectory()
        let kubeconfig = try Kubeconfig.load(file: try config(dir))
        XCTAssertThrowsError(try kubeconfig.connection(context: "prod")) { error in
            XCTAssertEqual("\(error)", "\(dir.path)/config:13:1: cluster 'prod-cluster': certificate-authority \(dir.path)/certs/ca.pem: no such file or directory")
        }
        try dir.write("certs/ca.pem", caPEM)
        XCTAssertThrowsError(try kubeconfig.connection(context: "prod")) { error in
            XCTAssertTrue("\(error)".contains("user 'prod-user': client-certificate"), "\(error)")
        }
        try dir.write("certs/client.pem", "CERT")
        var withKey = kubeconfig
        withKey.users["prod-user"]?.clientKey = try dir.write("key.pem", "KEY")
        let prod = try withKey.connection(context: "prod")
        XCTAssertEqual(prod.certificateAuthority.map { String(decoding: $0, as: UTF8.self) }, caPEM)
        XCTAssertEqual(prod.clientCertificate, Array("CERT".utf8))
        XCTAssertEqual(prod.clientKey, Array("KEY".utf8))
    }

    func testErrors() throws {
        let dir = try KubeTempDirectory()
        let path = try config(dir)
        let kubeconfig = try Kubeconfig.load(file: path)
        XCTAssertThrowsError(try kubeconfig.connection(context: "nope")) { error in
            XCTAssertEqual("\(error)", "context 'nope' not found in \(path) (contexts: anonymous, basic, broken, dev, exec, lab, oidc, prod)")
        }
        XCTAssertThrowsError(try kubeconfig.connection(context: "broken")) { error in
            XCTAssertEqual("\(error)", "\(path):58:1: context 'broken' names cluster 'nowhere', which is not defined")
        }
        XCTAssertThrowsError(try Kubeconfig.parse("""
            users:
            - name: u
              user: {client-certificate-data: "not base64!"}
            """, file: "k.yaml")) { error in
            XCTAssertEqual("\(error)", "k.yaml:2:1: user 'u': client-certificate-data is not valid base64")
        }
        XCTAssertThrowsError(try Kubeconfig.parse("clusters:\n- name: c\n  cluster: {server: [1]}\n", file: "k.yaml")) { error in
            XCTAssertEqual("\(error)", "k.yaml:2:1: cluster 'c': server must be a string, found array")
        }
        XCTAssertThrowsError(try Kubeconfig.parse("clusters: [\n", file: "k.yaml")) { error in
            XCTAssertEqual((error as? InputError)?.location?.file, "k.yaml")
        }
        let conflicting = try Kubeconfig.parse("""
            clusters:
            - name: c
              cluster: {server: "https://x", insecure-skip-tls-verify: true, certificate-authority-data: \(caData)}
            - name: empty
              cluster: {}
            users:
            - name: half
              user: {client-certificate-data: \(caData)}
            contexts:
            - {name: a, context: {cluster: c}}
            - {name: b, context: {cluster: empty}}
            - {name: c, context: {cluster: c, user: half}}
            - {name: d, context: {cluster: empty, user: ghost}}
            """, file: "k.yaml")
        XCTAssertThrowsError(try conflicting.connection()) { error in
            XCTAssertTrue("\(error)".hasPrefix("no current-context is set in k.yaml"), "\(error)")
        }
        XCTAssertThrowsError(try conflicting.connection(context: "a")) { error in
            XCTAssertEqual("\(error)", "k.yaml:2:1: cluster 'c': certificate-authority and insecure-skip-tls-verify cannot both be set")
        }
        XCTAssertThrowsError(try conflicting.connection(context: "b")) { error in
            XCTAssertEqual("\(error)", "k.yaml:4:1: cluster 'empty' has no server")
        }
        XCTAssertThrowsError(try Kubeconfig.parse("kind: Pod\n", file: "k.yaml")) { error in
            XCTAssertEqual("\(error)", "k.yaml:1:1: kubeconfig has kind 'Pod', expected 'Config'")
        }
    }

    func testMergedKubeconfigPaths() throws {
        let dir = try KubeTempDirectory()
        let first = try dir.write("a", """
            clusters:
            - {name: shared, cluster: {server: "https://first"}}
            contexts:
            - {name: one, context: {cluster: shared}}
            """)
        let second = try dir.write("b", """
            current-context: two
            clusters:
            - {name: shared, cluster: {server: "https://second"}}
            - {name: own, cluster: {server: "https://own"}}
            contexts:
            - {name: two, context: {cluster: own}}
            - {name: one, context: {cluster: own}}
            """)
        let env = ["KUBECONFIG": "\(first)::\(dir.path)/missing:\(second)", "HOME": "/home/x"]
        XCTAssertEqual(Kubeconfig.defaultFiles(environment: env), [first, "\(dir.path)/missing", second])
        XCTAssertEqual(Kubeconfig.defaultFiles(environment: ["HOME": "/home/x"]), ["/home/x/.kube/config"])
        XCTAssertEqual(Kubeconfig.defaultFiles(explicitPath: "/k", environment: env), ["/k"])
        let merged = try Kubeconfig.loadDefault(environment: env)
        XCTAssertEqual(merged.files, [first, second])
        XCTAssertEqual(merged.currentContext, "two")
        XCTAssertEqual(try merged.connection().server, "https://own")
        XCTAssertEqual(try merged.connection(context: "one").server, "https://first")
        XCTAssertThrowsError(try Kubeconfig.loadDefault(explicitPath: "\(dir.path)/missing", environment: env))
        XCTAssertThrowsError(try Kubeconfig.loadDefault(environment: ["HOME": dir.path])) { error in
            XCTAssertTrue("\(error)".hasPrefix("no kubeconfig found"), "\(error)")
        }
    }

    func testInClusterConfig() throws {
        let dir = try KubeTempDirectory()
        try dir.write("token", "sa-token\n")
        try dir.write("ca.crt", caPEM)
        try dir.write("namespace", "palisade\n")
        let env = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        XCTAssertTrue(InClusterConfig.isAvailable(environment: env))
        let connection = try InClusterConfig.connection(environment: env, directory: dir.path)
        XCTAssertEqual(connection.server, "https://10.96.0.1:443")
        XCTAssertEqual(connection.namespace, "palisade")
        XCTAssertEqual(connection.credentials, .bearerTokenFile(dir.path + "/token"))
        XCTAssertEqual(try connection.bearerToken(), "sa-token")
        XCTAssertEqual(connection.certificateAuthority, Array(caPEM.utf8))
        let v6 = try InClusterConfig.connection(environment: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "6443"], directory: dir.path)
        XCTAssertEqual(v6.server, "https://[fd00::1]:6443")
        XCTAssertFalse(InClusterConfig.isAvailable(environment: [:]))
        XCTAssertThrowsError(try InClusterConfig.connection(environment: [:], directory: dir.path))
        XCTAssertThrowsError(try InClusterConfig.connection(environment: env, directory: dir.path + "/none")) { error in
            XCTAssertEqual("\(error)", "\(dir.path)/none/token:1:1: no such file or directory")
        }
    }
}
