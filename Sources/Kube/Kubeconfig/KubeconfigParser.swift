import Foundation
import PalisadeCore

extension Kubeconfig {
    /// Parses kubeconfig YAML (or JSON). Relative paths are resolved against
    /// `baseDirectory` (by default the directory of `file`).
    public static func parse(_ text: String, file: String = "<kubeconfig>", baseDirectory: String? = nil) throws -> Kubeconfig {
        let value = try YAMLReader.decode(text, file: file)
        let parser = KubeconfigParser(text: text, file: file,
                                      base: baseDirectory ?? (file as NSString).deletingLastPathComponent)
        return try parser.parse(value)
    }
}

/// Reads the fields of a decoded kubeconfig, with errors naming the entry and its line.
struct KubeconfigParser {
    let lines: [Substring]
    let file: String
    let base: String

    init(text: String, file: String, base: String) {
        self.lines = text.kubeLines
        self.file = file
        self.base = base
    }

    func parse(_ value: Value) throws -> Kubeconfig {
        var config = Kubeconfig()
        config.files = [file]
        if value == .null { return config }
        guard case .object = value else { throw InputError("kubeconfig must be a mapping, found \(value.typeName)", at: at(1)) }
        if let kind = value["kind"]?.stringValue, kind != "Config" {
            throw InputError("kubeconfig has kind '\(kind)', expected 'Config'", at: at(1))
        }
        config.currentContext = try optionalString(value["current-context"], "current-context", at(1)).flatMap { $0.isEmpty ? nil : $0 }
        for (name, body, location) in try entries(value, section: "clusters", field: "cluster") {
            config.clusters[name] = try cluster(name, body, location)
        }
        for (name, body, location) in try entries(value, section: "users", field: "user") {
            config.users[name] = try user(name, body, location)
        }
        for (name, body, location) in try entries(value, section: "contexts", field: "context") {
            config.contexts[name] = try context(name, body, location)
        }
        return config
    }

    /// The `name`d entries of a section; the first entry of a name wins, as in kubectl.
    private func entries(_ root: Value, section: String, field: String) throws -> [(String, Value, SourceLocation)] {
        guard let list = root[section], list != .null else { return [] }
        guard let items = list.arrayValue else { throw InputError("\(section) must be a list", at: at(sectionLine(section))) }
        var seen: Set<String> = []
        var result: [(String, Value, SourceLocation)] = []
        for (index, item) in items.enumerated() {
            guard let name = item["name"]?.stringValue, !name.isEmpty else {
                throw InputError("\(section)[\(index)] has no name", at: at(sectionLine(section)))
            }
            let location = at(entryLine(section: section, name: name))
            let body = item[field] ?? .emptyObject
            guard case .object = body else { throw InputError("\(section) '\(name)': \(field) must be a mapping", at: location) }
            if seen.insert(name).inserted { result.append((name, body, location)) }
        }
        return result
    }

    private func cluster(_ name: String, _ body: Value, _ location: SourceLocation) throws -> Kubeconfig.Cluster {
        let what = "cluster '\(name)'"
        return Kubeconfig.Cluster(
            name: name,
            server: try optionalString(body["server"], "\(what): server", location) ?? "",
            certificateAuthority: try path(body["certificate-authority"], "\(what): certificate-authority", location),
            certificateAuthorityData: try base64(body["certificate-authority-data"], "\(what): certificate-authority-data", location),
            insecureSkipTLSVerify: try bool(body["insecure-skip-tls-verify"], "\(what): insecure-skip-tls-verify", location),
            tlsServerName: try optionalString(body["tls-server-name"], "\(what): tls-server-name", location),
            proxyURL: try optionalString(body["proxy-url"], "\(what): proxy-url", location),
            location: location)
    }

    private func user(_ name: String, _ body: Value, _ location: SourceLocation) throws -> Kubeconfig.User {
        let what = "user '\(name)'"
        var user = Kubeconfig.User(name: name, location: location)
        user.clientCertificate = try path(body["client-certificate"], "\(what): client-certificate", location)
        user.clientCertificateData = try base64(body["client-certificate-data"], "\(what): client-certificate-data", location)
        user.clientKey = try path(body["client-key"], "\(what): client-key", location)
        user.clientKeyData = try base64(body["client-key-data"], "\(what): client-key-data", location)
        user.token = try optionalString(body["token"], "\(what): token", location).flatMap { $0.isEmpty ? nil : $0 }
        user.tokenFile = try path(body["tokenFile"], "\(what): tokenFile", location)
        user.username = try optionalString(body["username"], "\(what): username", location)
        user.password = try optionalString(body["password"], "\(what): password", location)
        user.impersonate = try optionalString(body["as"], "\(what): as", location)
        user.impersonateGroups = try strings(body["as-groups"], "\(what): as-groups", location)
        if let exec = body["exec"], exec != .null { user.exec = try execPlugin(exec, what, location) }
        if let provider = body["auth-provider"], provider != .null { user.authProvider = try authProvider(provider, what, location) }
        return user
    }

    private func context(_ name: String, _ body: Value, _ location: SourceLocation) throws -> Kubeconfig.Context {
        let what = "context '\(name)'"
        return Kubeconfig.Context(
            name: name,
            cluster: try optionalString(body["cluster"], "\(what): cluster", location) ?? "",
            user: try optionalString(body["user"], "\(what): user", location) ?? "",
            namespace: try optionalString(body["namespace"], "\(what): namespace", location).flatMap { $0.isEmpty ? nil : $0 },
            location: location)
    }

    private func execPlugin(_ body: Value, _ what: String, _ location: SourceLocation) throws -> Kubeconfig.ExecPlugin {
        guard let command = body["command"]?.stringValue, !command.isEmpty else {
            throw InputError("\(what): exec needs a command", at: location)
        }
        var env: [Kubeconfig.EnvVar] = []
        for item in body["env"]?.arrayValue ?? [] {
            guard let name = item["name"]?.stringValue, let value = item["value"]?.stringValue else {
                throw InputError("\(what): exec env entries need a string name and value", at: location)
            }
            env.append(Kubeconfig.EnvVar(name: name, value: value))
        }
        return Kubeconfig.ExecPlugin(
            apiVersion: try optionalString(body["apiVersion"], "\(what): exec apiVersion", location) ?? "",
            command: command, args: try strings(body["args"], "\(what): exec args", location), env: env,
            installHint: try optionalString(body["installHint"], "\(what): exec installHint", location),
            provideClusterInfo: try bool(body["provideClusterInfo"], "\(what): exec provideClusterInfo", location))
    }

    private func authProvider(_ body: Value, _ what: String, _ location: SourceLocation) throws -> Kubeconfig.AuthProvider {
        guard let name = body["name"]?.stringValue, !name.isEmpty else {
            throw InputError("\(what): auth-provider needs a name", at: location)
        }
        return Kubeconfig.AuthProvider(name: name, config: KubeObject.stringMap(body["config"]))
    }
}
