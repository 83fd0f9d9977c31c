import Foundation

/// Runs external validators (xmllint, chromium, python3) with argument arrays,
/// never through a shell, and installs missing Debian packages with apt-get.
enum ReportsExternalTool {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable's path on PATH (plus the Debian default directories), or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Finds `binary`, installing `package` with apt-get when missing; nil when that is not possible.
    static func ensure(_ binary: String, aptPackage package: String) -> String? {
        if let found = find(binary) { return found }
        guard let aptGet = find("apt-get"), getuid() == 0 else { return nil }
        var environment = ProcessInfo.processInfo.environment
        environment["DEBIAN_FRONTEND"] = "noninteractive"
        _ = run(aptGet, ["install", "-y", "-q", package], timeout: 900, environment: environment)
        return find(binary)
    }

    /// Runs the executable with arguments; output goes through temporary files so
    /// large outputs cannot dead-lock a pipe. Kills the process after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, timeout: TimeInterval = 120,
                    environment: [String: String]? = nil) -> Output? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reports-tool-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out"), err = directory.appendingPathComponent("err")
        let input = directory.appendingPathComponent("in")
        guard FileManager.default.createFile(atPath: out.path, contents: nil),
              FileManager.default.createFile(atPath: err.path, contents: nil),
              FileManager.default.createFile(atPath: input.path, contents: Data((stdin ?? "").utf8)) else { return nil }
        guard let outHandle = try? FileHandle(forWritingTo: out), let errHandle = try? FileHandle(forWritingTo: err),
              let inHandle = try? FileHandle(forReadingFrom: input) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        if let environment { process.environment = environment }
        guard (try? process.run()) != nil else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        process.waitUntilExit()
        try? outHandle.close(); try? errHandle.close(); try? inHandle.close()
        let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Writes text to a fresh temporary file and returns its URL.
    static func temporaryFile(_ text: String, suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)\(suffix)")
        try Data(text.utf8).write(to: url)
        return url
    }
}
