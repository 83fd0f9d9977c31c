/// Block types of the libscap capture format (pcapng-like: type, total
/// length, body, total length again; little-endian).
enum ScapBlockType {
    static let sectionHeader: UInt32 = 0x0A0D_0D0A
    static let sectionMagic: UInt32 = 0x1A2B_3C4D
    static let machineInfo: UInt32 = 0x201
    /// Process list versions: the format gained fields over time.
    static let processLists: [UInt32: Int] = [
        0x202: 1, 0x207: 2, 0x209: 3, 0x210: 4, 0x211: 5, 0x212: 6, 0x213: 7, 0x214: 8, 0x215: 9,
    ]
    static let fdList: UInt32 = 0x203
    static let fdListV2: UInt32 = 0x218
    static let interfaceList: UInt32 = 0x205
    static let interfaceListV2: UInt32 = 0x219
    static let userList: UInt32 = 0x206
    static let userListV2: UInt32 = 0x220
    static let event: UInt32 = 0x204
    static let eventV2: UInt32 = 0x216
    static let eventV2Large: UInt32 = 0x221
    static let eventWithFlags: UInt32 = 0x208
    static let eventWithFlagsV2: UInt32 = 0x217
    static let eventWithFlagsV2Large: UInt32 = 0x222

    static let events: Set<UInt32> = [event, eventV2, eventV2Large, eventWithFlags, eventWithFlagsV2,
                                      eventWithFlagsV2Large]

    /// Limits libscap enforces on strings in metadata blocks.
    static let maxPath = 1024
    static let maxArgs = 65535
    static let maxCredential = 256
}

/// One event as stored: header fields and raw parameter bytes.
struct ScapRawEvent {
    var cpu: UInt16
    var timestamp: UInt64
    var tid: Int64
    var type: Int
    var params: [[UInt8]]
}
