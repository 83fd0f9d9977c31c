import Foundation
import PalisadeCore

/// Hidden benchmark entry points for `scripts/bench`: the audit path
/// (decode → rule engine → JSON alert) over a directory of sample audit
/// payloads replayed in a loop, timed in CPU seconds of the calling thread
/// (so the numbers are per core, whatever else runs on the machine).
public enum DetectionBenchmarks {
    /// Events per second of each phase, and of the three together.
    public struct AuditPhases: Sendable, CustomStringConvertible {
        /// `AuditEventDecoder.decode` alone (events decoded per second).
        public var decodeEventsPerSecond: Double
        /// `DetectionEngine.process` alone, alerts included.
        public var processEventsPerSecond: Double
        /// `AlertRenderer.json` alone, in events per second (all alerts of an event rendered).
        public var renderEventsPerSecond: Double
        /// Decode, process and render in sequence.
        public var endToEndEventsPerSecond: Double
        public var alertsPerEvent: Double

        public var description: String {
            String(format: "decode %.0f ev/s, process %.0f ev/s, render %.0f ev/s, end-to-end %.0f ev/s, %.3f alerts/event",
                   decodeEventsPerSecond, processEventsPerSecond, renderEventsPerSecond, endToEndEventsPerSecond, alertsPerEvent)
        }
    }

    /// End to end: decode + process + render, per core.
    public static func auditThroughput(rulesPath: String, eventsDirectory: String, seconds: Double) throws
        -> (eventsPerSecond: Double, alertsPerEvent: Double) {
        let bench = try AuditBench(rulesPath: rulesPath, eventsDirectory: eventsDirectory)
        let (rate, alerts) = bench.endToEnd(seconds: seconds)
        return (rate, alerts)
    }

    /// Each phase measured on its own for `seconds`, then end to end.
    public static func auditPhases(rulesPath: String, eventsDirectory: String, seconds: Double) throws -> AuditPhases {
        let bench = try AuditBench(rulesPath: rulesPath, eventsDirectory: eventsDirectory)
        let (total, alertsPerEvent) = bench.endToEnd(seconds: seconds)
        return AuditPhases(decodeEventsPerSecond: bench.decodeOnly(seconds: seconds),
                           processEventsPerSecond: bench.processOnly(seconds: seconds),
                           renderEventsPerSecond: bench.renderOnly(seconds: seconds),
                           endToEndEventsPerSecond: total, alertsPerEvent: alertsPerEvent)
    }

    /// CPU seconds used by the calling thread.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// The loaded rules, the engine and the sample payloads of one benchmark.
struct AuditBench {
    let engine: DetectionEngine
    let renderer: AlertRenderer
    /// Raw payloads that decode without error, and their events.
    let payloads: [[UInt8]]
    let events: [AuditEvent]
    static let maxFileBytes = 16 << 20

    init(rulesPath: String, eventsDirectory: String) throws {
        let text = try String(contentsOfFile: rulesPath, encoding: .utf8)
        let (ruleSet, diagnostics) = RulesLoader.load(files: [(text, rulesPath)])
        if let error = diagnostics.first(where: { $0.severity == .error }) {
            throw AuditDecodeError("\(rulesPath): \(error)")
        }
        let options = DetectionOptions(hostname: "bench")
        engine = DetectionEngine(rules: ruleSet, options: options)
        renderer = AlertRenderer(options: options.format)
        var payloads: [[UInt8]] = []
        var events: [AuditEvent] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: eventsDirectory).sorted()
        for name in names where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: eventsDirectory + "/" + name),
                  data.count <= Self.maxFileBytes else { continue }
            let bytes = Array(data)
            guard let decoded = try? AuditEventDecoder.decode(bytes, maxBytes: Self.maxFileBytes), !decoded.isEmpty else { continue }
            payloads.append(bytes)
            events += decoded
        }
        guard !events.isEmpty else { throw AuditDecodeError("no decodable audit events in \(eventsDirectory)") }
        self.payloads = payloads
        self.events = events
    }

    /// Runs `pass` until `seconds` of CPU time are used; returns items per CPU second.
    func rate(seconds: Double, itemsPerPass: Int, _ pass: () -> Void) -> Double {
        pass()
        var items = 0
        let start = DetectionBenchmarks.threadCPUSeconds()
        var elapsed = 0.0
        repeat {
            pass()
            items += itemsPerPass
            elapsed = DetectionBenchmarks.threadCPUSeconds() - start
        } while elapsed < seconds
        return Double(items) / max(elapsed, 1e-9)
    }

    func endToEnd(seconds: Double) -> (Double, Double) {
        var alerts = 0, bytes = 0
        let eventsPerSecond = rate(seconds: seconds, itemsPerPass: events.count) {
            alerts = 0
            for payload in payloads {
                guard let decoded = try? AuditEventDecoder.decode(payload, maxBytes: Self.maxFileBytes) else { continue }
                for event in decoded {
                    for alert in engine.process(event) {
                        alerts += 1
                        bytes &+= renderer.json(alert).utf8.count
                    }
                }
            }
        }
        return (eventsPerSecond, Double(alerts) / Double(events.count))
    }

    func decodeOnly(seconds: Double) -> Double {
        var count = 0
        return rate(seconds: seconds, itemsPerPass: events.count) {
            for payload in payloads {
                count &+= (try? AuditEventDecoder.decode(payload, maxBytes: Self.maxFileBytes).count) ?? 0
            }
        }
    }

    func processOnly(seconds: Double) -> Double {
        var count = 0
        return rate(seconds: seconds, itemsPerPass: events.count) {
            for event in events { count &+= engine.process(event).count }
        }
    }

    func renderOnly(seconds: Double) -> Double {
        let alerts = events.map { engine.process($0) }
        var bytes = 0
        return rate(seconds: seconds, itemsPerPass: events.count) {
            for perEvent in alerts {
                for alert in perEvent { bytes &+= renderer.json(alert).utf8.count }
            }
        }
    }
}
