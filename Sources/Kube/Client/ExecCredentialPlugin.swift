import Foundation
import PalisadeCore

/// Runs a kubeconfig `exec` credential plugin (client-go's protocol): the
/// command with its argument array (never through a shell), the plugin's
/// environment added to ours and `KUBERNETES_EXEC_INFO` describing the call;
/// its standard output is an `ExecCredential` whose `status` holds a token or
/// a client certificate and key.
enum ExecCredentialPlugin {
    struct Credential: Sendable {
        var token: String?
        var clientCertificate: [UInt8]?
        var clientKey: [UInt8]?
    }

    static let maxOutput = 1 << 20

    static func run(_ plugin: Kubeconfig.ExecPlugin, timeout: Double) async throws -> Credential {
        let outcome: ChildProcess.Outcome
        do {
            outcome = try await ChildProcess.run(try executablePath(plugin.command), arguments: plugin.args,
                                                 environment: environment(for: plugin),
                                                 output: .capture(limit: maxOutput), timeout: timeout)
        } catch let error as ChildProcess.Failure {
            throw failure(plugin, error.description)
        }
        guard outcome.status == 0 else { throw failure(plugin, "exited with status \(outcome.status)") }
        guard !outcome.truncated else { throw failure(plugin, "wrote more than \(maxOutput) bytes") }
        return try parse(outcome.output, plugin: plugin)
    }

    /// The `status` of an ExecCredential document.
    static func parse(_ bytes: [UInt8], plugin: Kubeconfig.ExecPlugin) throws -> Credential {
        let document: Value
        do {
            document = try JSONReader.decode(bytes: bytes, file: "<exec \(plugin.command)>")
        } catch {
            throw failure(plugin, "output is not JSON: \(error)")
        }
        guard document["kind"]?.stringValue == "ExecCredential", let status = document["status"] else {
            throw failure(plugin, "output is not an ExecCredential with a status")
        }
        let credential = Credential(
            token: status["token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
            clientCertificate: status["clientCertificateData"]?.stringValue.map { Array($0.utf8) },
            clientKey: status["clientKeyData"]?.stringValue.map { Array($0.utf8) })
        if credential.token == nil && (credential.clientCertificate == nil || credential.clientKey == nil) {
            throw failure(plugin, "ExecCredential has neither a token nor a client certificate and key")
        }
        return credential
    }

    private static func executablePath(_ command: String) throws -> String {
        if command.contains("/") { return command }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw KubeAPIError.configuration("exec credential plugin '\(command)' not found in PATH")
    }

    private static func environment(for plugin: Kubeconfig.ExecPlugin) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for variable in plugin.env { environment[variable.name] = variable.value }
        let apiVersion = plugin.apiVersion.isEmpty ? "client.authentication.k8s.io/v1" : plugin.apiVersion
        environment["KUBERNETES_EXEC_INFO"] =
            #"{"apiVersion":"\#(apiVersion)","kind":"ExecCredential","spec":{"interactive":false}}"#
        return environment
    }

    private static func failure(_ plugin: Kubeconfig.ExecPlugin, _ detail: String) -> KubeAPIError {
        let hint = plugin.installHint.map { " (\($0))" } ?? ""
        return .configuration("exec credential plugin '\(plugin.command)' \(detail)\(hint)")
    }
}
