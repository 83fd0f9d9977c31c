import PalisadeCore

/// A kubeconfig: named clusters, users (credentials) and contexts, and the
/// current context, as `kubectl` reads it. File paths inside are already
/// resolved against the directory of the file that named them.
///
/// Turn a context into what an API client needs with `connection(context:)`.
public struct Kubeconfig: Sendable {
    public var clusters: [String: Cluster] = [:]
    public var users: [String: User] = [:]
    public var contexts: [String: Context] = [:]
    public var currentContext: String?
    /// The files this configuration was read from, in merge order.
    public var files: [String] = []

    public init() {}

    /// An API server and how to trust it.
    public struct Cluster: Sendable, Hashable {
        public var name: String
        public var server: String
        public var certificateAuthority: String?
        public var certificateAuthorityData: [UInt8]?
        public var insecureSkipTLSVerify = false
        public var tlsServerName: String?
        public var proxyURL: String?
        /// Where the entry is defined.
        public var location: SourceLocation
    }

    /// Credentials: client certificate, bearer token, basic auth, or a plugin.
    public struct User: Sendable, Hashable {
        public var name: String
        public var clientCertificate: String?
        public var clientCertificateData: [UInt8]?
        public var clientKey: String?
        public var clientKeyData: [UInt8]?
        public var token: String?
        public var tokenFile: String?
        public var username: String?
        public var password: String?
        public var impersonate: String?
        public var impersonateGroups: [String] = []
        public var exec: ExecPlugin?
        public var authProvider: AuthProvider?
        public var location: SourceLocation
    }

    /// A client-go credential plugin (`users[].user.exec`); run by `KubeAPIClient` with an argument array, never through a shell.
    public struct ExecPlugin: Sendable, Hashable {
        public var apiVersion: String
        public var command: String
        public var args: [String]
        public var env: [EnvVar]
        public var installHint: String?
        public var provideClusterInfo: Bool
    }

    /// One `name`/`value` pair of an exec plugin's environment.
    public struct EnvVar: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    /// A legacy auth provider (`users[].user.auth-provider`), e.g. `oidc`.
    public struct AuthProvider: Sendable, Hashable {
        public var name: String
        public var config: [String: String]
    }

    /// A cluster, a user and a default namespace.
    public struct Context: Sendable, Hashable {
        public var name: String
        public var cluster: String
        public var user: String
        public var namespace: String?
        public var location: SourceLocation
    }

    /// This configuration with entries from `other` added where this one has
    /// none: as `kubectl` merges KUBECONFIG, the first file to define a name
    /// (or the current context) wins.
    public func merging(_ other: Kubeconfig) -> Kubeconfig {
        var merged = self
        merged.clusters.merge(other.clusters) { mine, _ in mine }
        merged.users.merge(other.users) { mine, _ in mine }
        merged.contexts.merge(other.contexts) { mine, _ in mine }
        if merged.currentContext == nil { merged.currentContext = other.currentContext }
        merged.files += other.files
        return merged
    }
}
