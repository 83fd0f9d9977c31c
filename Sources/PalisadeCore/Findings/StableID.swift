/// Short, stable identifiers derived from the parts that identify a result,
/// so the same finding gets the same id in every run and on every machine.
public enum StableID {
    /// 16 lower-case hex digits of the 64-bit FNV-1a hash of the parts
    /// (each followed by a 0x1F separator so `["ab","c"]` and `["a","bc"]` differ).
    public static func make(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
