import ArgumentParser
import Detection
import DetectionIO
import Foundation
import PalisadeCore

/// Hidden: Palisade's side of `scripts/bench detect`. Starts the audit
/// webhook on loopback with a k8s_audit rules file and the detection engine,
/// drives it with N keep-alive connections POSTing EventLists built from
/// sample audit events, and reports events/second end to end (intake,
/// decoding, rule evaluation) and request latency percentiles.
struct DetectWebhookBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect-webhook",
        abstract: "Measure audit-webhook detection throughput (used by scripts/bench).",
        shouldDisplay: false
    )

    @Option(name: .long, help: "A k8s_audit rules file (k8s_audit_rules.yaml).")
    var rules: String

    @Option(name: .long, help: "A directory of audit events (one JSON Event per *.json file).")
    var events: String

    @Option(name: .long, help: "Concurrent client connections.")
    var connections = 16

    @Option(name: .long, help: "Events per request (EventList items).")
    var batch = 100

    @Option(name: .long, help: "Load duration in seconds.")
    var seconds: Double = 5

    @Option(name: .long, help: "Server worker threads running the rules.")
    var workers = 1

    @Option(name: .long, help: "Server event-loop threads (0: one per core).")
    var serverThreads = 0

    @Option(name: .long, help: "Load generator threads.")
    var clientThreads = 1

    func run() throws {
        let engine = try makeEngine()
        let samples = try sampleEvents()
        guard !samples.isEmpty else { throw ValidationError("no decodable audit events in \(events)") }
        let bodies = makeBodies(samples)
        let alertCount = BenchCounter()
        let server = AuditWebhookServer<AuditEvent>(
            configuration: AuditWebhookConfiguration(host: "127.0.0.1", port: 0, workers: max(1, workers),
                                                     eventLoopThreads: serverThreads),
            decode: { try AuditEventDecoder.decode($0, maxBytes: AuditWebhookConfiguration.falcoMaxBodyBytes) },
            process: { event in alertCount.add(engine.process(event).count) })
        let port = try server.start()
        defer { server.shutdown() }
        let started = Date()
        let load = try AuditLoadGenerator(host: "127.0.0.1", port: port, connections: max(1, connections),
                                          duration: seconds, bodies: bodies).run(threads: clientThreads)
        _ = server.waitUntilDrained(timeout: 120)
        let elapsed = Date().timeIntervalSince(started)
        let stats = server.statistics
        print(JSONWriter.string(.object(fields: [
            "events": .int(stats.processedEvents),
            "seconds": .double(elapsed),
            "events_per_second": .double(Double(stats.processedEvents) / elapsed),
            "requests": .int(load.requests),
            "shed_requests": .int(load.statusCounts[429] ?? 0),
            "other_errors": .int(load.requests - (load.statusCounts[200] ?? 0) - (load.statusCounts[429] ?? 0)
                                 + load.connectionErrors),
            "p50_ms": .double(load.latencyPercentile(0.50) * 1000),
            "p99_ms": .double(load.latencyPercentile(0.99) * 1000),
            "alerts": .int(alertCount.value),
            "connections": .int(connections),
            "batch": .int(batch),
            "accepted_equals_processed": .bool(stats.acceptedEvents == stats.processedEvents),
        ])))
    }

    private func makeEngine() throws -> DetectionEngine {
        let text = try String(contentsOfFile: rules, encoding: .utf8)
        let (ruleSet, diagnostics) = RulesLoader.load(files: [(text, rules)])
        if let error = diagnostics.first(where: { $0.severity == .error }) {
            throw ValidationError("\(rules): \(error)")
        }
        return DetectionEngine(rules: ruleSet)
    }

    /// The raw JSON of each file that holds exactly one decodable event.
    private func sampleEvents() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: events).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            let path = (events as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), data.count <= AuditEventDecoder.maxEventSize,
                  let decoded = try? AuditEventDecoder.decode(Array(data), maxBytes: AuditEventDecoder.maxEventSize),
                  decoded.count == 1 else { return nil }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// One EventList body per sample offset, so the events vary across requests.
    private func makeBodies(_ samples: [String]) -> [(bytes: [UInt8], events: Int)] {
        let size = max(1, batch)
        return (0..<samples.count).map { offset in
            let items = (0..<size).map { samples[(offset + $0) % samples.count] }
            let body = #"{"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":["# + items.joined(separator: ",") + "]}"
            return (Array(body.utf8), size)
        }
    }
}

private final class BenchCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    func add(_ count: Int) {
        guard count > 0 else { return }
        lock.lock()
        total += count
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }
}
