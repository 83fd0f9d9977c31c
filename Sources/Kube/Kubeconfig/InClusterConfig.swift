import Foundation
import PalisadeCore

/// The configuration of a pod's service account, as client-go's
/// `rest.InClusterConfig` builds it.
public enum InClusterConfig {
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// True when the service host and port are in the environment.
    public static func isAvailable(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        !(environment["KUBERNETES_SERVICE_HOST"] ?? "").isEmpty && !(environment["KUBERNETES_SERVICE_PORT"] ?? "").isEmpty
    }

    /// The connection from `KUBERNETES_SERVICE_HOST`/`_PORT` and the service
    /// account's `token`, `ca.crt` and `namespace` files in `directory`.
    public static func connection(environment: [String: String] = ProcessInfo.processInfo.environment,
                                  directory: String = serviceAccountDirectory) throws -> ClusterConnection {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty else {
            throw InputError("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set")
        }
        let tokenPath = (directory as NSString).appendingPathComponent("token")
        var connection = ClusterConnection(
            contextName: nil, server: "https://" + joinHostPort(host, port), namespace: "default",
            certificateAuthority: nil, insecureSkipTLSVerify: false, tlsServerName: nil, proxyURL: nil,
            clientCertificate: nil, clientKey: nil, credentials: .bearerTokenFile(tokenPath),
            impersonate: nil, impersonateGroups: [])
        guard try connection.bearerToken()?.isEmpty == false else {
            throw InputError("service account token is empty", at: BoundedReader.start(of: tokenPath))
        }
        let caPath = (directory as NSString).appendingPathComponent("ca.crt")
        connection.certificateAuthority = try? BoundedReader.read(path: caPath, limit: Kubeconfig.maxFileSize)
        let namespacePath = (directory as NSString).appendingPathComponent("namespace")
        if let bytes = try? BoundedReader.read(path: namespacePath, limit: 4096),
           let text = try? BoundedReader.text(bytes, name: namespacePath) {
            let namespace = Substring(text).kubeTrimmed(" \t\r\n")
            if !namespace.isEmpty { connection.namespace = namespace }
        }
        return connection
    }

    /// `host:port`, with brackets around IPv6 addresses (Go's `net.JoinHostPort`).
    static func joinHostPort(_ host: String, _ port: String) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
