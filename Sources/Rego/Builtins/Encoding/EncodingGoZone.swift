import Foundation

/// A time zone as Go's time.Location sees it: offsets from the IANA database
/// (through Foundation) and abbreviations read from the TZif file.
struct EncodingGoZone: Sendable {
    enum Kind: Sendable {
        case utc
        case fixed(name: String, offset: Int)
        case region(TimeZone, EncodingTZif?)
    }

    var kind: Kind

    static let utc = EncodingGoZone(kind: .utc)

    static func fixed(name: String, offset: Int) -> EncodingGoZone {
        EncodingGoZone(kind: .fixed(name: name, offset: offset))
    }

    func lookup(_ unix: Int64) -> (name: String, offset: Int) {
        switch kind {
        case .utc:
            return ("UTC", 0)
        case .fixed(let name, let offset):
            return (name, offset)
        case .region(let tz, let tzif):
            let clamped = Double(max(min(unix, 1 << 40), -(1 << 40)))
            let offset = tz.secondsFromGMT(for: Date(timeIntervalSince1970: clamped))
            return (tzif?.abbreviation(at: unix, offset: offset) ?? "", offset)
        }
    }

    static let zoneinfoDirectories = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"]

    struct LoadError: Error { var message: String }

    /// Go's time.LoadLocation.
    static func load(_ name: String) throws -> EncodingGoZone {
        switch name {
        case "", "UTC": return .utc
        case "Local": return local()
        default: break
        }
        if name.contains("..") || name.hasPrefix("/") || name.hasPrefix("\\") {
            throw LoadError(message: "time: invalid location name")
        }
        for dir in zoneinfoDirectories {
            let path = dir + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: path), data.starts(with: Array("TZif".utf8)),
                  let tz = TimeZone(identifier: name) else { continue }
            return EncodingGoZone(kind: .region(tz, EncodingTZif(data: [UInt8](data))))
        }
        throw LoadError(message: "unknown time zone " + name)
    }

    static func local() -> EncodingGoZone {
        let tz = TimeZone.current
        if tz.identifier == "UTC" || tz.identifier == "Etc/UTC" || tz.identifier == "GMT" { return .utc }
        if let zone = try? load(tz.identifier) { return zone }
        return .utc
    }
}

/// The parts of a TZif file needed for zone abbreviations.
struct EncodingTZif: Sendable {
    var transitions: [Int64] = []
    var transitionTypes: [Int] = []
    var types: [(offset: Int, abbreviation: String)] = []
    var footerNames: [String] = []

    init?(data: [UInt8]) {
        guard data.count >= 44 else { return nil }
        var reader = Reader(bytes: data)
        guard let v1 = reader.header() else { return nil }
        if data[4] >= UInt8(ascii: "2") {
            guard reader.skip(v1.dataLength(timeSize: 4)), let v2 = reader.header(),
                  parse(&reader, counts: v2, timeSize: 8) else { return nil }
            if reader.skip(0), let footer = reader.footer() { footerNames = Self.names(inPOSIXZone: footer) }
        } else if !parse(&reader, counts: v1, timeSize: 4) {
            return nil
        }
    }

    private mutating func parse(_ reader: inout Reader, counts: Counts, timeSize: Int) -> Bool {
        for _ in 0..<counts.time {
            guard let t = reader.int(size: timeSize) else { return false }
            transitions.append(t)
        }
        for _ in 0..<counts.time {
            guard let i = reader.byte() else { return false }
            transitionTypes.append(Int(i))
        }
        var raw: [(Int, Int)] = []
        for _ in 0..<counts.type {
            guard let off = reader.int(size: 4), reader.byte() != nil, let idx = reader.byte() else { return false }
            raw.append((Int(off), Int(idx)))
        }
        guard let chars = reader.bytes(counts.char) else { return false }
        types = raw.map { off, idx in
            let tail = idx < chars.count ? chars[idx...] : []
            let name = tail.prefix { $0 != 0 }
            return (off, String(decoding: name, as: UTF8.self))
        }
        let rest = counts.leap * (timeSize + 4) + counts.isStd + counts.isUT
        return reader.skip(rest)
    }

    func abbreviation(at unix: Int64, offset: Int) -> String? {
        guard !types.isEmpty else { return footerNames.first }
        if let last = transitions.last, unix >= last, !footerNames.isEmpty {
            if let match = footerNames.first(where: { name in types.contains { $0.abbreviation == name && $0.offset == offset } }) {
                return match
            }
            return footerNames.count > 1 && offset != types[transitionTypes.last ?? 0].offset ? footerNames[1] : footerNames[0]
        }
        var low = 0, high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= unix { low = mid + 1 } else { high = mid }
        }
        if low == 0 {
            return types.first { $0.offset == offset }?.abbreviation ?? types[0].abbreviation
        }
        let type = transitionTypes[low - 1]
        return type < types.count ? types[type].abbreviation : nil
    }

    /// The std and dst names of a POSIX TZ string such as `EST5EDT,M3.2.0,M11.1.0`.
    static func names(inPOSIXZone tz: String) -> [String] {
        var names: [String] = []
        var chars = Substring(tz)
        while names.count < 2, let first = chars.first {
            if first == "<" {
                guard let close = chars.firstIndex(of: ">") else { break }
                names.append(String(chars[chars.index(after: chars.startIndex)..<close]))
                chars = chars[chars.index(after: close)...]
            } else if first.isLetter {
                let name = chars.prefix { $0.isLetter }
                names.append(String(name))
                chars = chars.dropFirst(name.count)
            } else {
                break
            }
            chars = chars.drop { $0.isNumber || $0 == "+" || $0 == "-" || $0 == ":" }
        }
        return names
    }

    struct Counts {
        var isUT = 0, isStd = 0, leap = 0, time = 0, type = 0, char = 0

        func dataLength(timeSize: Int) -> Int {
            time * timeSize + time + type * 6 + char + leap * (timeSize + 4) + isStd + isUT
        }
    }

    struct Reader {
        var bytes: [UInt8]
        var index = 0

        mutating func header() -> Counts? {
            guard index + 44 <= bytes.count, bytes[index..<index + 4].elementsEqual("TZif".utf8) else { return nil }
            index += 20
            var values: [Int] = []
            for _ in 0..<6 {
                guard let v = int(size: 4), v >= 0, v < 1 << 20 else { return nil }
                values.append(Int(v))
            }
            return Counts(isUT: values[0], isStd: values[1], leap: values[2], time: values[3], type: values[4], char: values[5])
        }

        mutating func int(size: Int) -> Int64? {
            guard index + size <= bytes.count else { return nil }
            var v: UInt64 = 0
            for b in bytes[index..<index + size] { v = v << 8 | UInt64(b) }
            index += size
            if size == 4 { return Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: v))) }
            return Int64(bitPattern: v)
        }

        mutating func byte() -> UInt8? {
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func bytes(_ n: Int) -> [UInt8]? {
            guard n >= 0, index + n <= bytes.count else { return nil }
            defer { index += n }
            return Array(bytes[index..<index + n])
        }

        mutating func skip(_ n: Int) -> Bool {
            guard n >= 0, index + n <= bytes.count else { return false }
            index += n
            return true
        }

        mutating func footer() -> String? {
            guard index < bytes.count, bytes[index] == 0x0A else { return nil }
            let rest = bytes[(index + 1)...].prefix { $0 != 0x0A }
            return String(decoding: rest, as: UTF8.self)
        }
    }
}
