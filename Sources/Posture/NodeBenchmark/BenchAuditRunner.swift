import Foundation

/// The result of one audit command: its combined stdout and stderr, and an
/// error when it could not run, failed, or timed out.
public struct BenchAuditResult: Sendable {
    public var output: String
    public var error: String?
    /// The exit status, or nil when the command did not run to completion.
    public var status: Int32?

    public init(output: String, error: String? = nil, status: Int32? = 0) {
        self.output = output
        self.error = error
        self.status = status
    }
}

/// Runs audit commands. Tests substitute a fake; `BenchCommandRunner` runs them for real.
public protocol BenchAuditRunner: Sendable {
    func run(_ command: String) -> BenchAuditResult
}

/// Runs audit commands with Foundation.Process.
///
/// kube-bench feeds every audit to `/bin/sh`. Most audits are shell pipelines
/// (`ps -ef | grep …`, `$(…)`, `if …; then …; fi`), so those still run as
/// `/bin/sh -c AUDIT`; a command without any shell syntax runs directly with
/// an argument array (first word looked up in PATH), so no shell sees it.
/// The audit text comes from the benchmark definition (trusted like a script);
/// substituted values are paths and binary names found on the node.
///
/// Every command gets a time limit (its whole process group is killed when
/// it expires) and an output cap; stdout and stderr are merged as in kube-bench.
public struct BenchCommandRunner: BenchAuditRunner {
    public var timeoutSeconds: Double
    public var maxOutputBytes: Int
    public var environment: [String: String]?

    public init(timeoutSeconds: Double = 30, maxOutputBytes: Int = 4 << 20, environment: [String: String]? = nil) {
        self.timeoutSeconds = timeoutSeconds
        self.maxOutputBytes = maxOutputBytes
        self.environment = environment
    }

    /// Characters that make a command need a shell.
    static let shellSyntax = Set("|&;<>()$`\\\"'*?[]{}#~\n")

    /// The executable and arguments to run: the words themselves, or `/bin/sh -c COMMAND`.
    public static func invocation(for command: String) -> [String] {
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let needsShell = command.contains(where: shellSyntax.contains) || words.first?.contains("=") == true
        return needsShell || words.isEmpty ? ["/bin/sh", "-c", command] : words
    }

    public func run(_ command: String) -> BenchAuditResult {
        let trimmed = command.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return BenchAuditResult(output: "") }
        let argv = Self.invocation(for: trimmed)
        guard let executable = Self.resolve(argv[0], environment: environment) else {
            return BenchAuditResult(output: "", error: "failed to run: \(quoted(trimmed)): \(argv[0]): command not found", status: 127)
        }
        return launch(executable, Array(argv.dropFirst()), command: trimmed)
    }

    private func launch(_ executable: String, _ arguments: [String], command: String) -> BenchAuditResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let collector = BenchOutputCollector(limit: maxOutputBytes)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            return BenchAuditResult(output: "", error: "failed to run: \(quoted(command)): \(error)", status: nil)
        }
        let reader = collector.startReading(pipe.fileHandleForReading)
        let timedOut = finished.wait(timeout: .now() + timeoutSeconds) == .timedOut
        if timedOut {
            kill(-process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // Grandchildren may keep the pipe open; give them a moment, then stop reading.
        _ = reader.wait(timeout: .now() + (timedOut ? 0.5 : 2))
        let output = collector.text
        if timedOut {
            return BenchAuditResult(output: output, error: "failed to run: \(quoted(command)): timed out after \(timeoutSeconds)s", status: nil)
        }
        let status = process.terminationStatus
        guard process.terminationReason == .exit, status == 0 else {
            let why = process.terminationReason == .exit ? "exit status \(status)" : "signal: \(status)"
            return BenchAuditResult(output: output, error: "failed to run: \(quoted(command)), output: \(quoted(output)), error: \(why)", status: status)
        }
        return BenchAuditResult(output: output, status: 0)
    }

    /// An absolute path as is; otherwise the first match in PATH.
    static func resolve(_ name: String, environment: [String: String]?) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}

/// Collects a pipe's bytes up to a limit on a background thread, draining the rest.
final class BenchOutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    var text: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts reading until end of file; the semaphore signals when done.
    func startReading(_ handle: FileHandle) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                append(chunk)
            }
            done.signal()
        }
        thread.start()
        return done
    }

    private func append(_ chunk: Data) {
        lock.lock(); defer { lock.unlock() }
        let room = limit - data.count
        if room > 0 { data.append(chunk.prefix(room)) }
    }
}
