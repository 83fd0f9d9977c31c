import Foundation
import XCTest

/// Paths and helpers shared by the DetectionIO tests.
enum AuditServerTestSupport {
    /// The repository root (symlinks resolved, so a dev package linking this folder works too).
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.pathComponents.count > 1, url.lastPathComponent != "Tests" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent()
    }()

    /// The shared conformance corpus beside the repository, as CI lays it out.
    static let falcoCorpus = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/falco")

    static var auditEventsDirectory: URL { falcoCorpus.appendingPathComponent("regression-suite/k8s_audit_events") }
    static var k8sAuditRules: URL { falcoCorpus.appendingPathComponent("rules/k8s_audit_rules.yaml") }

    static func requireCorpus() throws {
        guard FileManager.default.fileExists(atPath: k8sAuditRules.path) else {
            throw XCTSkip("Falco corpus not found at \(falcoCorpus.path)")
        }
    }

    static func auditEvent(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: auditEventsDirectory.appendingPathComponent(name)))
    }

    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("palisade-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a program with an argument array; returns its exit status and output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    timeout: TimeInterval = 600) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let status = waitForExit(process, timeout: timeout)
        return (status, String(decoding: data, as: UTF8.self))
    }

    /// Reaps the child itself: Foundation's Process sometimes never notices the
    /// exit of a script that leaves daemons behind (it stays a zombie).
    private static func waitForExit(_ process: Process, timeout: TimeInterval) -> Int32 {
        let pid = process.processIdentifier
        let deadline = Date().addingTimeInterval(timeout)
        var terminated = false
        while true {
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid {
                let signal = raw & 0x7F
                return signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
            }
            if result < 0 || !process.isRunning {
                return process.isRunning ? -1 : process.terminationStatus
            }
            if Date() >= deadline, !terminated {
                kill(pid, SIGTERM)
                terminated = true
            } else if terminated, Date() >= deadline.addingTimeInterval(5) {
                kill(pid, SIGKILL)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// A self-signed certificate for 127.0.0.1 / localhost (openssl, argument array).
    static func makeSelfSignedCertificate(in directory: URL, commonName: String = "palisade-audit")
        throws -> (certificate: String, key: String) {
        let cert = directory.appendingPathComponent("server.crt").path
        let key = directory.appendingPathComponent("server.key").path
        let result = try run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
            "-subj", "/CN=\(commonName)", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ])
        guard result.status == 0 else { throw XCTSkip("openssl could not make a certificate: \(result.output)") }
        return (cert, key)
    }
}
