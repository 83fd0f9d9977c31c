/// A bounded gzip (RFC 1952) / raw DEFLATE (RFC 1951) decoder: libscap writes
/// `.scap` captures through zlib's gzip stream.
enum GzipInflater {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Whether `bytes` start with the gzip magic.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses every gzip member of `bytes`; fails beyond `limit` output bytes.
    static func decompress(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, bytes.count * 8))
        var offset = 0
        while offset < bytes.count {
            guard isGzip(Array(bytes[offset..<min(bytes.count, offset + 2)])) else {
                if output.isEmpty { throw Failure(description: "not a gzip stream") }
                break
            }
            let start = try memberDataStart(bytes, at: offset)
            var bits = BitReader(bytes: bytes, position: start)
            try inflate(&bits, into: &output, limit: limit)
            offset = bits.alignedPosition + 8
        }
        return output
    }

    static func memberDataStart(_ bytes: [UInt8], at offset: Int) throws(Failure) -> Int {
        guard offset + 10 <= bytes.count, bytes[offset + 2] == 8 else {
            throw Failure(description: "truncated or unsupported gzip header")
        }
        let flags = bytes[offset + 3]
        var position = offset + 10
        if flags & 0x04 != 0 {
            guard position + 2 <= bytes.count else { throw Failure(description: "truncated gzip extra field") }
            position += 2 + Int(bytes[position]) | Int(bytes[position + 1]) << 8
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
            while position < bytes.count, bytes[position] != 0 { position += 1 }
            position += 1
        }
        if flags & 0x02 != 0 { position += 2 }
        guard position <= bytes.count else { throw Failure(description: "truncated gzip header") }
        return position
    }

    static func inflate(_ bits: inout BitReader, into output: inout [UInt8], limit: Int) throws(Failure) {
        var isFinal = false
        while !isFinal {
            isFinal = try bits.read(1) == 1
            switch try bits.read(2) {
            case 0: try copyStored(&bits, into: &output, limit: limit)
            case 1: try inflateBlock(&bits, HuffmanTables.fixed, into: &output, limit: limit)
            case 2: try inflateBlock(&bits, try HuffmanTables.dynamic(&bits), into: &output, limit: limit)
            default: throw Failure(description: "invalid DEFLATE block type")
            }
        }
    }

    static func copyStored(_ bits: inout BitReader, into output: inout [UInt8], limit: Int) throws(Failure) {
        let position = bits.alignedPosition
        let bytes = bits.bytes
        guard position + 4 <= bytes.count else { throw Failure(description: "truncated stored block") }
        let length = Int(bytes[position]) | Int(bytes[position + 1]) << 8
        guard position + 4 + length <= bytes.count else { throw Failure(description: "truncated stored block") }
        guard output.count + length <= limit else { throw Failure(description: "decompressed size exceeds \(limit) bytes") }
        output.append(contentsOf: bytes[(position + 4)..<(position + 4 + length)])
        bits = BitReader(bytes: bytes, position: position + 4 + length)
    }

    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                    67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                      1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
                                       11, 11, 12, 12, 13, 13]

    static func inflateBlock(_ bits: inout BitReader, _ tables: HuffmanTables, into output: inout [UInt8],
                             limit: Int) throws(Failure) {
        while true {
            let symbol = try tables.literals.decode(&bits)
            if symbol < 256 {
                guard output.count < limit else { throw Failure(description: "decompressed size exceeds \(limit) bytes") }
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < lengthBase.count else { throw Failure(description: "invalid length symbol") }
            let length = lengthBase[lengthIndex] + (try bits.read(lengthExtra[lengthIndex]))
            let distanceSymbol = try tables.distances.decode(&bits)
            guard distanceSymbol < distanceBase.count else { throw Failure(description: "invalid distance symbol") }
            let distance = distanceBase[distanceSymbol] + (try bits.read(distanceExtra[distanceSymbol]))
            guard distance <= output.count else { throw Failure(description: "distance beyond start of output") }
            guard output.count + length <= limit else { throw Failure(description: "decompressed size exceeds \(limit) bytes") }
            let start = output.count - distance
            for index in 0..<length { output.append(output[start + index]) }
        }
    }
}

/// Reads DEFLATE's least-significant-bit-first bit stream.
struct BitReader {
    let bytes: [UInt8]
    private(set) var position: Int
    private var buffer: UInt64 = 0
    private var count = 0

    init(bytes: [UInt8], position: Int) {
        self.bytes = bytes
        self.position = position
    }

    /// The byte position after discarding the bits of a partly read byte.
    var alignedPosition: Int { position - count / 8 }

    mutating func read(_ width: Int) throws(GzipInflater.Failure) -> Int {
        guard width > 0 else { return 0 }
        while count < width {
            guard position < bytes.count else { throw GzipInflater.Failure(description: "truncated DEFLATE stream") }
            buffer |= UInt64(bytes[position]) << UInt64(count)
            position += 1
            count += 8
        }
        let value = Int(buffer & ((1 << UInt64(width)) - 1))
        buffer >>= UInt64(width)
        count -= width
        return value
    }
}

/// A canonical Huffman code decoded one bit at a time (counts per length
/// and symbols ordered by code).
struct HuffmanCode: Sendable {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

    init(lengths: [Int]) {
        for length in lengths where length > 0 && length < 16 { counts[length] += 1 }
        var offsets = [Int](repeating: 0, count: 16)
        var running = 0
        for length in 1..<16 {
            offsets[length] = running
            running += counts[length]
        }
        symbols = [Int](repeating: 0, count: running)
        for (symbol, length) in lengths.enumerated() where length > 0 && length < 16 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
    }

    func decode(_ bits: inout BitReader) throws(GzipInflater.Failure) -> Int {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try bits.read(1)
            let count = counts[length]
            if code - first < count { return symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw GzipInflater.Failure(description: "invalid Huffman code")
    }
}

/// The literal/length and distance codes of one block.
struct HuffmanTables: Sendable {
    var literals: HuffmanCode
    var distances: HuffmanCode

    static let fixed: HuffmanTables = {
        var lengths = [Int](repeating: 8, count: 288)
        for index in 144..<256 { lengths[index] = 9 }
        for index in 256..<280 { lengths[index] = 7 }
        return HuffmanTables(literals: HuffmanCode(lengths: lengths),
                             distances: HuffmanCode(lengths: [Int](repeating: 5, count: 30)))
    }()

    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static func dynamic(_ bits: inout BitReader) throws(GzipInflater.Failure) -> HuffmanTables {
        let literalCount = try bits.read(5) + 257
        let distanceCount = try bits.read(5) + 1
        let codeLengthCount = try bits.read(4) + 4
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengths[codeLengthOrder[index]] = try bits.read(3) }
        let lengthCode = HuffmanCode(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try lengthCode.decode(&bits)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw GzipInflater.Failure(description: "repeat without length") }
                lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits.read(2))))
            case 17: lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits.read(3))))
            default: lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits.read(7))))
            }
        }
        guard lengths.count == literalCount + distanceCount else {
            throw GzipInflater.Failure(description: "code lengths overflow")
        }
        return HuffmanTables(literals: HuffmanCode(lengths: Array(lengths[0..<literalCount])),
                             distances: HuffmanCode(lengths: Array(lengths[literalCount...])))
    }
}
