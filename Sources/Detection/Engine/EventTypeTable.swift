/// Event type → candidate rules, found through an FNV-1a hash of the name's
/// UTF-8 bytes with linear probing: for names of a few bytes this is much
/// cheaper than Dictionary's seeded SipHash, and the table is built once.
struct EventTypeTable: Sendable {
    private let keys: [String]
    private let values: [[Int]]
    /// 0 = empty, otherwise index + 1 into `keys`.
    private let slots: [Int32]
    private let mask: Int

    init(_ map: [String: [Int]]) {
        let ordered = map.sorted { $0.key < $1.key }
        keys = ordered.map(\.key)
        values = ordered.map(\.value)
        var capacity = 8
        while capacity < ordered.count * 2 { capacity *= 2 }
        mask = capacity - 1
        var slots = [Int32](repeating: 0, count: capacity)
        for (index, key) in keys.enumerated() {
            var slot = Self.hash(key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
        self.slots = slots
    }

    @inline(__always)
    func rules(for type: String) -> [Int]? {
        var slot = Self.hash(type) & mask
        // At most half the slots are used, so an empty one ends every probe.
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if keys[entry - 1] == type { return values[entry - 1] }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    static func hash(_ text: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
