import Foundation
import PalisadeCore

/// Everything an API client needs to talk to one cluster: the server, how to
/// trust it, and how to authenticate. Made from a kubeconfig context or from
/// the in-cluster service account.
public struct ClusterConnection: Sendable, Hashable {
    /// How requests authenticate, besides a TLS client certificate.
    public enum Credentials: Sendable, Hashable {
        case none
        case bearerToken(String)
        /// A token read from this file for each new connection (it rotates).
        case bearerTokenFile(String)
        case basic(username: String, password: String)
        /// A credential plugin to run for a token or certificate.
        case exec(Kubeconfig.ExecPlugin)
        case authProvider(Kubeconfig.AuthProvider)
    }

    /// The context it came from; nil for in-cluster configuration.
    public var contextName: String?
    /// `https://host:port`, possibly with a path prefix.
    public var server: String
    /// The default namespace (`default` unless the context or service account says otherwise).
    public var namespace: String
    /// PEM certificates to trust; nil means the system roots.
    public var certificateAuthority: [UInt8]?
    public var insecureSkipTLSVerify: Bool
    public var tlsServerName: String?
    public var proxyURL: String?
    /// PEM client certificate and key for mutual TLS.
    public var clientCertificate: [UInt8]?
    public var clientKey: [UInt8]?
    public var credentials: Credentials
    public var impersonate: String?
    public var impersonateGroups: [String]

    /// The bearer token to send now: the literal token, or the token file's
    /// current content (trimmed). Nil for other credentials.
    public func bearerToken() throws -> String? {
        switch credentials {
        case .bearerToken(let token): return token
        case .bearerTokenFile(let path):
            let bytes = try BoundedReader.read(path: path, limit: Kubeconfig.maxFileSize)
            return try BoundedReader.text(bytes, name: path).filter { !$0.isNewline && $0 != " " && $0 != "\t" }
        default: return nil
        }
    }
}

extension Kubeconfig {
    /// The connection for `contextName` (`--context`) or the current context.
    /// Credential and CA files are read now; a token file is read per request.
    public func connection(context contextName: String? = nil) throws -> ClusterConnection {
        let context = try resolveContext(contextName)
        guard let cluster = clusters[context.cluster] else {
            throw InputError("context '\(context.name)' names cluster '\(context.cluster)', which is not defined", at: context.location)
        }
        guard !cluster.server.isEmpty else { throw InputError("cluster '\(cluster.name)' has no server", at: cluster.location) }
        if cluster.insecureSkipTLSVerify && (cluster.certificateAuthority != nil || cluster.certificateAuthorityData != nil) {
            throw InputError("cluster '\(cluster.name)': certificate-authority and insecure-skip-tls-verify cannot both be set", at: cluster.location)
        }
        var user = User(name: "", location: context.location)
        if !context.user.isEmpty {
            guard let named = users[context.user] else {
                throw InputError("context '\(context.name)' names user '\(context.user)', which is not defined", at: context.location)
            }
            user = named
        }
        let authority = try cluster.certificateAuthorityData ?? cluster.certificateAuthority.map {
            try readCredential($0, for: "cluster '\(cluster.name)': certificate-authority", at: cluster.location)
        }
        let (certificate, key) = try clientCertificate(user)
        return ClusterConnection(
            contextName: context.name, server: cluster.server, namespace: context.namespace ?? "default",
            certificateAuthority: authority,
            insecureSkipTLSVerify: cluster.insecureSkipTLSVerify, tlsServerName: cluster.tlsServerName,
            proxyURL: cluster.proxyURL, clientCertificate: certificate, clientKey: key,
            credentials: credentials(user), impersonate: user.impersonate, impersonateGroups: user.impersonateGroups)
    }

    private func resolveContext(_ requested: String?) throws -> Context {
        let name = (requested?.isEmpty == false ? requested : nil) ?? currentContext
        guard let name else {
            throw InputError("no current-context is set in \(files.joined(separator: ", ")); choose one with --context (contexts: \(contexts.keys.sorted().joined(separator: ", ")))")
        }
        guard let context = contexts[name] else {
            let known = contexts.keys.sorted().joined(separator: ", ")
            throw InputError("context '\(name)' not found in \(files.joined(separator: ", ")) (contexts: \(known.isEmpty ? "none" : known))")
        }
        return context
    }

    /// Inline data wins over a file, as in kubectl; a certificate needs a key.
    private func clientCertificate(_ user: User) throws -> ([UInt8]?, [UInt8]?) {
        let what = "user '\(user.name)'"
        let certificate = try user.clientCertificateData ?? user.clientCertificate.map { try readCredential($0, for: "\(what): client-certificate", at: user.location) }
        let key = try user.clientKeyData ?? user.clientKey.map { try readCredential($0, for: "\(what): client-key", at: user.location) }
        if (certificate == nil) != (key == nil) {
            throw InputError("\(what): a client certificate needs a client key and a key needs a certificate", at: user.location)
        }
        return (certificate, key)
    }

    /// Token first, then token file, basic auth, exec plugin, auth provider.
    private func credentials(_ user: User) -> ClusterConnection.Credentials {
        if let token = user.token { return .bearerToken(token) }
        if let file = user.tokenFile { return .bearerTokenFile(file) }
        if let username = user.username, let password = user.password { return .basic(username: username, password: password) }
        if let exec = user.exec { return .exec(exec) }
        if let provider = user.authProvider { return .authProvider(provider) }
        return .none
    }

    private func readCredential(_ path: String, for what: String, at location: SourceLocation) throws -> [UInt8] {
        do {
            return try BoundedReader.read(path: path, limit: Kubeconfig.maxFileSize)
        } catch let error as InputError {
            throw InputError("\(what) \(path): \(error.message)", at: location)
        }
    }
}
