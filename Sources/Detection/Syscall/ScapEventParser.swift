/// Parses event blocks: `u16 cpu`, optional `u32 flags`, the event header
/// (`u64 ts, u64 tid, u32 len, u16 type`, plus `u32 nparams` from V2), the
/// parameter lengths (u16, or u32 in LARGE blocks) and the parameter bytes.
enum ScapEventParser {
    static func parse(_ cursor: inout ScapByteCursor, blockType: UInt32) throws(ScapReadError) -> ScapRawEvent {
        let cpu = try cursor.u16()
        let hasFlags = blockType == ScapBlockType.eventWithFlags || blockType == ScapBlockType.eventWithFlagsV2
            || blockType == ScapBlockType.eventWithFlagsV2Large
        if hasFlags { _ = try cursor.u32() }
        let headerStart = cursor.position
        let timestamp = try cursor.u64()
        let tid = try cursor.i64()
        let length = Int(try cursor.u32())
        let type = Int(try cursor.u16())
        let isV1 = blockType == ScapBlockType.event || blockType == ScapBlockType.eventWithFlags
        let large = blockType == ScapBlockType.eventV2Large || blockType == ScapBlockType.eventWithFlagsV2Large
        let headerSize = isV1 ? 22 : 26
        let eventEnd = headerStart + length
        guard length >= headerSize, eventEnd <= cursor.end else {
            throw cursor.failure("event length \(length) does not fit its block")
        }
        let count: Int
        if isV1 {
            count = try inferParamCount(cursor.bytes, start: headerStart + 22, end: eventEnd, type: type)
        } else {
            count = Int(try cursor.u32())
            guard count <= 64 else { throw cursor.failure("event with \(count) parameters") }
        }
        var lengths: [Int] = []
        lengths.reserveCapacity(count)
        for _ in 0..<count { lengths.append(Int(large ? try cursor.u32() : UInt32(try cursor.u16()))) }
        var params: [[UInt8]] = []
        params.reserveCapacity(count)
        for paramLength in lengths {
            guard cursor.position + paramLength <= eventEnd else { throw cursor.failure("parameter beyond event end") }
            params.append(try cursor.bytes(paramLength))
        }
        return ScapRawEvent(cpu: cpu, timestamp: timestamp, tid: tid, type: type, params: params)
    }

    /// Old (V1) blocks do not store the parameter count: as libscap does,
    /// try the table's count downwards until the lengths add up exactly.
    static func inferParamCount(_ bytes: [UInt8], start: Int, end: Int, type: Int) throws(ScapReadError) -> Int {
        let tableCount = SyscallEventTable.info(type)?.params.count ?? 32
        for count in stride(from: tableCount, through: 0, by: -1) {
            var position = start + 2 * count
            guard position <= end else { continue }
            for index in 0..<count {
                position += Int(bytes[start + 2 * index]) | Int(bytes[start + 2 * index + 1]) << 8
            }
            if position == end { return count }
            if position < end { break }
        }
        throw ScapReadError(message: "event type \(type): cannot infer the parameter count (corrupted V1 event)")
    }
}
