import Foundation
import NIOCore
import NIOPosix
import PalisadeCore
@testable import Kube

/// A real kube-apiserver + etcd for one test class, started through
/// `scripts/kube-apiserver start` (which builds and caches it the first time)
/// in a temporary run directory, and stopped by PID.
///
/// The apiserver also trusts client certificates signed by a CA made here
/// (`--client-ca-file`), and the run directory holds a client certificate for
/// CN=admin2, O=system:masters signed by it.
final class KubeLiveCluster: @unchecked Sendable {
    let runDirectory: String
    let server: String
    let port: Int
    private let script: String

    var serverCA: String { runDirectory + "/apiserver.crt" }
    var kubeconfig: String { runDirectory + "/kubeconfig" }
    var clientCA: String { runDirectory + "/client-ca.crt" }
    var clientCertificate: String { runDirectory + "/admin2.crt" }
    var clientKey: String { runDirectory + "/admin2.key" }

    /// Starts the cluster, or explains why it cannot run here.
    static func start() -> Result<KubeLiveCluster, KubeLiveSkip> {
        guard let script = scriptPath() else { return .failure(KubeLiveSkip("scripts/kube-apiserver not found next to the tests")) }
        let run = NSTemporaryDirectory() + "palisade-kube-live-" + UUID().uuidString.prefix(8)
        do {
            try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
            try makeClientCertificates(in: run)
        } catch {
            return .failure(KubeLiveSkip("cannot prepare \(run): \(error)"))
        }
        let (apiPort, etcdPort) = freePorts()
        let environment = ["KUBE_APISERVER_PORT": String(apiPort), "KUBE_ETCD_PORT": String(etcdPort)]
        let status = KubeLiveProcess.run("/bin/bash", [script, "start", run, "--", "--client-ca-file=\(run)/client-ca.crt"],
                                         environment: environment, log: run + "/start.log")
        guard status == 0 else {
            let log = (try? String(contentsOfFile: run + "/start.log", encoding: .utf8)) ?? ""
            _ = KubeLiveProcess.run("/bin/bash", [script, "stop", run], environment: [:], log: run + "/stop.log")
            return .failure(KubeLiveSkip("scripts/kube-apiserver start failed (status \(status)); last output:\n\(log.suffix(2000))"))
        }
        return .success(KubeLiveCluster(runDirectory: run, port: apiPort, script: script))
    }

    private init(runDirectory: String, port: Int, script: String) {
        self.runDirectory = runDirectory
        self.port = port
        self.server = "https://127.0.0.1:\(port)"
        self.script = script
    }

    /// Stops etcd and the apiserver by their recorded PIDs and removes the run directory.
    func stop() {
        _ = KubeLiveProcess.run("/bin/bash", [script, "stop", runDirectory], environment: [:], log: runDirectory + "/stop.log")
        try? FileManager.default.removeItem(atPath: runDirectory)
    }

    /// A connection to this cluster trusting its CA, with `credentials`.
    func connection(_ credentials: ClusterConnection.Credentials = .bearerToken("admin-token")) throws -> ClusterConnection {
        ClusterConnection(
            contextName: "live-test", server: server, namespace: "default",
            certificateAuthority: Array(try Data(contentsOf: URL(fileURLWithPath: serverCA))),
            insecureSkipTLSVerify: false, tlsServerName: nil, proxyURL: nil, clientCertificate: nil, clientKey: nil,
            credentials: credentials, impersonate: nil, impersonateGroups: [])
    }

    /// The repository's `scripts/kube-apiserver`, found from this file's real path.
    private static func scriptPath() -> String? {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<6 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("scripts/kube-apiserver").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A CA for client certificates and a client certificate for admin2 in system:masters.
    private static func makeClientCertificates(in run: String) throws {
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(run)/client-ca.key", "-out", "\(run)/client-ca.crt",
             "-days", "2", "-subj", "/CN=palisade-test-client-ca"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(run)/admin2.key", "-out", "\(run)/admin2.csr",
             "-subj", "/O=system:masters/CN=admin2"],
            ["x509", "-req", "-in", "\(run)/admin2.csr", "-CA", "\(run)/client-ca.crt", "-CAkey", "\(run)/client-ca.key",
             "-CAcreateserial", "-out", "\(run)/admin2.crt", "-days", "2"],
        ]
        guard let openssl = KubeLiveProcess.find("openssl") else { throw KubeLiveSkip("openssl is not installed") }
        for step in steps where KubeLiveProcess.run(openssl, step, environment: [:], log: "\(run)/openssl.log") != 0 {
            throw KubeLiveSkip("openssl \(step.prefix(2).joined(separator: " ")) failed; see \(run)/openssl.log")
        }
    }

    /// Ports for the apiserver and etcd (etcd also uses its port + 10), away
    /// from the script's defaults and from other runs.
    private static func freePorts() -> (Int, Int) {
        for offset in stride(from: 0, to: 400, by: 20) {
            let api = 16543 + offset, etcd = 23890 + offset
            if [api, etcd, etcd + 10].allSatisfy(isFree) { return (api, etcd) }
        }
        return (16543, 23890)
    }

    private static func isFree(_ port: Int) -> Bool {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        guard let channel = try? bootstrap.bind(host: "127.0.0.1", port: port).wait() else { return false }
        try? channel.close().wait()
        return true
    }
}

/// Why the integration tests cannot run here.
struct KubeLiveSkip: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
