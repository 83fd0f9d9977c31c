import PalisadeCore

/// Turns audit input into events as the k8saudit plugin does: a payload is an
/// `EventList`, a single `Event`, or a JSON array of those; a file may also
/// hold one payload per line (JSON lines). Each event needs a RFC 3339
/// `stageTimestamp`, which becomes its time.
public enum AuditEventDecoder {
    /// The k8saudit plugin's default `maxEventSize`.
    public static let maxEventSize = 262_144

    /// Decodes everything or throws the first problem (with its line for JSON lines).
    public static func decode(_ bytes: [UInt8], maxBytes: Int) throws -> [AuditEvent] {
        let result = try decodeReporting(bytes, maxBytes: maxBytes)
        if let first = result.errors.first { throw first }
        return result.events
    }

    /// Decodes what it can: bad payloads and events are reported and skipped,
    /// as Falco logs them and goes on. Throws only when the input is too large.
    public static func decodeReporting(_ bytes: [UInt8], maxBytes: Int, firstNumber: UInt64 = 1)
        throws -> (events: [AuditEvent], errors: [AuditDecodeError]) {
        guard bytes.count <= maxBytes else {
            throw AuditDecodeError("input is larger than \(maxBytes) bytes")
        }
        var events: [AuditEvent] = []
        var errors: [AuditDecodeError] = []
        var number = firstNumber
        // A whole document first (pretty-printed payloads span lines), then JSON lines.
        if let whole = try? AuditJSONParser.parse(bytes, range: 0..<bytes.count) {
            collect(whole, line: nil, length: bytes.count, into: &events, errors: &errors, number: &number)
            return (events, errors)
        }
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if !isBlank(bytes, start..<end) {
                do {
                    let payload = try AuditJSONParser.parse(bytes, range: start..<end)
                    collect(payload, line: lineNumber, length: end - start, into: &events, errors: &errors, number: &number)
                } catch {
                    errors.append(AuditDecodeError(error.reason, line: lineNumber))
                }
            }
            start = end + 1
        }
        return (events, errors)
    }

    /// `length` is the payload's size in bytes: an event re-encoded compactly
    /// takes at most three bytes per input byte (an invalid UTF-8 byte becomes
    /// U+FFFD; escapes and whitespace only shrink), so payloads up to a third
    /// of `maxEventSize` need no per-event size check.
    static func collect(_ payload: AuditJSON, line: Int?, length: Int, into events: inout [AuditEvent],
                        errors: inout [AuditDecodeError], number: inout UInt64) {
        let checkSize = length > maxEventSize / 3
        do {
            for item in try items(of: payload, depth: 0) {
                do {
                    events.append(try event(item, number: number, checkSize: checkSize))
                    number += 1
                } catch let error as AuditDecodeError {
                    errors.append(AuditDecodeError(error.reason, line: line))
                }
            }
        } catch let error as AuditDecodeError {
            errors.append(AuditDecodeError(error.reason, line: line))
        } catch {}
    }

    /// The events of a payload (ParseAuditEventsJSON).
    static func items(of payload: AuditJSON, depth: Int) throws -> [AuditJSON] {
        if let elements = payload.elements, depth < 8 {
            return try elements.flatMap { try items(of: $0, depth: depth + 1) }
        }
        if let kind = payload["kind"] {
            if kind.isString("EventList"), let items = payload["items"]?.array { return items }
            if kind.isString("Event") { return [payload] }
        }
        throw AuditDecodeError("data not recognized as a k8s audit event")
    }

    static func event(_ item: AuditJSON, number: UInt64, checkSize: Bool = true) throws -> AuditEvent {
        guard let stamp = item["stageTimestamp"] else { throw AuditDecodeError("can't read stageTimestamp") }
        guard let text = stamp.string, let time = Timestamp(parsing: text) else {
            throw AuditDecodeError("cannot parse stageTimestamp \(stamp.compactJSON) as RFC 3339")
        }
        let size = checkSize ? item.compactByteCount : 0
        guard size <= maxEventSize else { throw AuditDecodeError("event larger than maxEventSize: size=\(size)") }
        return AuditEvent(json: item, time: time, number: number)
    }

    static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
