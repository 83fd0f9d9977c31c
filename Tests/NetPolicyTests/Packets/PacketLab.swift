import Foundation

/// A running lab of network namespaces (scripts/netns-lab): one per pod, on
/// a bridge in a hub namespace. Applies nftables rulesets, runs TCP/UDP
/// listeners in every pod and probes from every pod
/// (scripts/netns-probe.py). `close()` stops all of it; if the test process
/// dies instead, the lab script sees its standard input close and removes
/// the lab, and with it every listener.
final class PacketLab {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One probe: from a pod to an address, port and protocol.
    struct Target: Hashable {
        var proto: String
        var address: String
        var port: UInt32

        var argument: String { "\(proto):\(address):\(port)" }
    }

    enum Outcome: String {
        case open, blocked, refused
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Why the lab cannot run here, or nil when it can.
    static func unavailableReason() -> String? {
        guard getuid() == 0 else { return "needs root (network namespaces and nftables)" }
        for tool in ["ip", "nft", "python3"] where which(tool) == nil {
            return "needs `\(tool)` on PATH (scripts/test installs iproute2, nftables and python3 as root)"
        }
        return nil
    }

    let prefix: String
    /// Pod name in the lab → its namespace.
    private(set) var namespaces: [String: String] = [:]
    private let holder: Process
    private let holderInput: Pipe
    private var listeners: [(process: Process, input: Pipe)] = []

    /// Creates the lab; `pods` maps lab pod names to `address/prefix-length`.
    init(prefix: String, pods: [(name: String, address: String)]) throws {
        self.prefix = prefix
        holder = Process()
        holder.executableURL = Self.repository.appendingPathComponent("scripts/netns-lab")
        holder.arguments = ["hold", prefix] + pods.map { "\($0.name)=\($0.address)" }
        holderInput = Pipe()
        holder.standardInput = holderInput
        let output = Pipe(), errors = Pipe()
        holder.standardOutput = output
        holder.standardError = errors
        try holder.run()
        let line = Self.readLine(output.fileHandleForReading)
        guard line == "ready" else {
            holder.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(description: "scripts/netns-lab hold failed: \(message)")
        }
        for pod in pods { namespaces[pod.name] = "\(prefix)-\(pod.name)" }
    }

    /// Loads each pod's ruleset (nft syntax) into its namespace, all at once.
    func apply(_ rulesets: [String: String]) throws {
        let jobs = try rulesets.keys.sorted().map { (namespace: try namespace($0), ruleset: rulesets[$0] ?? "") }
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            do {
                let result = try Self.run(["ip", "netns", "exec", job.namespace, "nft", "-f", "-"], input: job.ruleset)
                if result.status != 0 { failures.add("nft -f in \(job.namespace) failed: \(result.errors)\n\(job.ruleset)") }
            } catch {
                failures.add("nft -f in \(job.namespace): \(error)")
            }
        }
        if let first = failures.first { throw Failure(description: first) }
    }

    /// Starts TCP and UDP listeners on `ports` in every pod and waits until they are bound.
    func listen(on ports: [UInt32]) throws {
        var started: [(pod: String, output: FileHandle)] = []
        for (pod, namespace) in namespaces.sorted(by: { $0.key < $1.key }) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["ip", "netns", "exec", namespace, Self.python, Self.probeScript, "listen"] + ports.map(String.init)
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            listeners.append((process, input))
            started.append((pod, output.fileHandleForReading))
        }
        for (pod, output) in started where Self.readLine(output) != "listening" {
            throw Failure(description: "listener in \(pod) did not start (ports \(ports))")
        }
    }

    /// Probes every pod's targets at once; the outcome per (source pod, target).
    func probe(_ targets: [String: [Target]], timeout: Double) throws -> [String: [Target: Outcome]] {
        let jobs = try targets.keys.sorted().map { (source: $0, namespace: try namespace($0), targets: targets[$0] ?? []) }
        let results = ProbeResults()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            results.store(job.source, Result { try Self.probe(in: job.namespace, job.targets, timeout: timeout) })
        }
        var outcomes: [String: [Target: Outcome]] = [:]
        for job in jobs { outcomes[job.source] = try results.value(job.source) }
        return outcomes
    }

    /// Stops the listeners and removes the lab.
    func close() {
        for listener in listeners {
            try? listener.input.fileHandleForWriting.close()
            listener.process.waitUntilExit()
        }
        listeners = []
        guard holder.isRunning else { return }
        try? holderInput.fileHandleForWriting.close()
        holder.waitUntilExit()
    }

    private static func probe(in namespace: String, _ targets: [Target], timeout: Double) throws -> [Target: Outcome] {
        guard !targets.isEmpty else { return [:] }
        let command = ["ip", "netns", "exec", namespace, python, probeScript, "probe", "\(timeout)"] + targets.map(\.argument)
        let result = try run(command, input: nil)
        guard result.status == 0 else { throw Failure(description: "probe from \(namespace) failed: \(result.errors)") }
        var outcomes: [Target: Outcome] = [:]
        for line in result.output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 4, let port = UInt32(fields[2]), let outcome = Outcome(rawValue: String(fields[3])) else {
                throw Failure(description: "probe from \(namespace): unreadable line '\(line)'")
            }
            outcomes[Target(proto: String(fields[0]), address: String(fields[1]), port: port)] = outcome
        }
        return outcomes
    }

    private func namespace(_ pod: String) throws -> String {
        guard let namespace = namespaces[pod] else { throw Failure(description: "no pod \(pod) in the lab") }
        return namespace
    }

    /// Debian's interpreter when present: version-manager shims on PATH start several times slower.
    private static let python = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"

    private static var probeScript: String { repository.appendingPathComponent("scripts/netns-probe.py").path }

    /// Runs a command to completion (arguments passed as an array, never through a shell).
    static func run(_ command: [String], input: String?) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let errors = ErrorCollector(stderr.fileHandleForReading)
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), errors.text())
    }

    /// Reads up to a newline (or end of file), byte by byte so nothing after it is consumed.
    private static func readLine(_ handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
            bytes.append(first)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Probe results gathered from concurrent workers.
private final class ProbeResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: Result<[PacketLab.Target: PacketLab.Outcome], Error>] = [:]

    func store(_ source: String, _ result: Result<[PacketLab.Target: PacketLab.Outcome], Error>) {
        lock.lock(); defer { lock.unlock() }
        results[source] = result
    }

    func value(_ source: String) throws -> [PacketLab.Target: PacketLab.Outcome] {
        lock.lock(); defer { lock.unlock() }
        return try results[source]?.get() ?? [:]
    }
}

/// Failures gathered from concurrent workers.
private final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        messages.append(message)
    }

    var first: String? {
        lock.lock(); defer { lock.unlock() }
        return messages.first
    }
}

/// Reads a pipe to its end on a background thread, so a full pipe never blocks the writer.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
