/// Decodes raw parameter bytes by their table type.
enum SyscallParamDecoder {
    static func decode(_ raw: [[UInt8]], specs: [SyscallParamSpec]) -> [SyscallParam] {
        var params: [SyscallParam] = []
        params.reserveCapacity(raw.count)
        for (index, bytes) in raw.enumerated() {
            let spec = index < specs.count ? specs[index] : SyscallParamSpec(name: "arg\(index)", type: .bytes)
            params.append(SyscallParam(name: spec.name, type: spec.type, value: value(bytes, spec.type),
                                       flagTable: spec.flagTable))
        }
        return params
    }

    static func value(_ bytes: [UInt8], _ type: SyscallParamType) -> SyscallParamValue {
        switch type {
        case .fd, .errno, .int: return integer(bytes, signed: true)
        case .uint, .hex, .octal, .flags, .signal, .syscallID: return integer(bytes, signed: false)
        case .string: return .string(ScapByteCursor.text(bytes))
        case .bytes: return bytes.isEmpty ? .empty : .bytes(bytes)
        case .socket: return socket(bytes)
        }
    }

    static func integer(_ bytes: [UInt8], signed: Bool) -> SyscallParamValue {
        guard [1, 2, 4, 8].contains(bytes.count) else { return bytes.isEmpty ? .empty : .bytes(bytes) }
        var value: UInt64 = 0
        for (index, byte) in bytes.enumerated() { value |= UInt64(byte) << UInt64(8 * index) }
        guard signed, bytes.count < 8 else { return .int(Int64(bitPattern: value)) }
        let shift = UInt64(64 - 8 * bytes.count)
        return .int(Int64(bitPattern: value << shift) >> Int64(shift))
    }

    static func port(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    /// PT_SOCKTUPLE / PT_SOCKADDR: a family byte, then addresses and ports.
    static func socket(_ bytes: [UInt8]) -> SyscallParamValue {
        guard let family = bytes.first else { return .empty }
        switch family {
        case 2 where bytes.count >= 13:
            return .socket(SocketEndpoints(family: .inet, sourceAddress: Array(bytes[1..<5]), sourcePort: port(bytes, 5),
                                           destinationAddress: Array(bytes[7..<11]), destinationPort: port(bytes, 11)))
        case 2 where bytes.count >= 7:
            return .socket(SocketEndpoints(family: .inet, destinationAddress: Array(bytes[1..<5]),
                                           destinationPort: port(bytes, 5)))
        case 10 where bytes.count >= 37:
            return .socket(SocketEndpoints(family: .inet6, sourceAddress: Array(bytes[1..<17]),
                                           sourcePort: port(bytes, 17), destinationAddress: Array(bytes[19..<35]),
                                           destinationPort: port(bytes, 35)))
        case 10 where bytes.count >= 19:
            return .socket(SocketEndpoints(family: .inet6, destinationAddress: Array(bytes[1..<17]),
                                           destinationPort: port(bytes, 17)))
        case 1 where bytes.count >= 17:
            return .socket(SocketEndpoints(family: .unix, path: ScapByteCursor.text(Array(bytes[17...]))))
        case 1:
            return .socket(SocketEndpoints(family: .unix, path: ScapByteCursor.text(Array(bytes.dropFirst()))))
        default:
            return .socket(SocketEndpoints(family: .other))
        }
    }
}
