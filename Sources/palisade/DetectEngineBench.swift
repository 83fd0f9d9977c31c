import ArgumentParser
import Detection
import Foundation

/// Hidden: Palisade's side of `scripts/bench detect`. Loads the stable Falco
/// rules, builds a deterministic synthetic syscall stream (or replays a
/// `.scap`/JSON-lines file) and reports events per second per core and
/// allocations per event through the rule engine.
struct DetectEngineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect-engine",
        abstract: "Measure syscall rule-engine throughput (used by scripts/bench detect).",
        shouldDisplay: false
    )

    @Option(name: .long, help: "Rules file (repeatable); default: the shared stable falco_rules.yaml.")
    var rules: [String] = []

    @Option(name: .long, help: "Replay this .scap or JSON-lines file instead of the synthetic stream.")
    var replay: String?

    @Option(name: .long, help: "Number of synthetic events.")
    var events: Int = 200_000

    @Option(name: .long, help: "Seed of the synthetic stream.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Minimum measuring time in seconds.")
    var seconds: Double = 2

    func run() throws {
        let ruleSet = try loadRules()
        let engine = DetectionEngine(rules: ruleSet)
        let stream = try replay.map { try SyscallReplay.load(path: $0) } ?? {
            var generator = SyscallSyntheticStream(seed: seed)
            return generator.events(max(1, events))
        }()
        guard !stream.isEmpty else { throw ValidationError("the stream has no events") }
        var alerts = pass(engine, stream)
        let allocations = DetectBenchAllocationCounter.measure { alerts = pass(engine, stream) }
        var processed = 0
        let cpuStart = threadCPUTime(), wallStart = Date()
        repeat {
            alerts = pass(engine, stream)
            processed += stream.count
        } while Date().timeIntervalSince(wallStart) < seconds
        let cpu = threadCPUTime() - cpuStart
        print("rules: \(ruleSet.enabledRules.count) enabled; stream: \(stream.count) events (\(replay ?? "synthetic, seed \(seed)"))")
        print("alerts per pass: \(alerts)")
        print(String(format: "events/s per core: %.0f (%d events in %.3f s CPU)", Double(processed) / cpu, processed, cpu))
        if let allocations {
            print(String(format: "allocations/event: %.3f (malloc/posix_memalign/aligned_alloc calls of the Swift runtime)",
                         Double(allocations) / Double(stream.count)))
        } else {
            print("allocations/event: unavailable (runtime hook not found)")
        }
    }

    func loadRules() throws -> RuleSet {
        let paths = rules.isEmpty ? [Self.defaultRulesPath()] : rules
        var files: [(text: String, file: String)] = []
        for path in paths { files.append((try String(contentsOfFile: path, encoding: .utf8), path)) }
        let (ruleSet, diagnostics) = RulesLoader.load(files: files)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ValidationError(errors.map(\.description).joined(separator: "\n")) }
        return ruleSet
    }

    static func defaultRulesPath() -> String {
        let relative = "shared/conformance/falco/rules/falco_rules.yaml"
        for base in ["..", ".", "../.."] where FileManager.default.fileExists(atPath: base + "/" + relative) {
            return base + "/" + relative
        }
        return "../" + relative
    }

    /// One pass over the stream through the engine (dispatch, matching and
    /// alert creation); returns the number of alerts.
    func pass(_ engine: DetectionEngine, _ stream: [SyscallEvent]) -> Int {
        var alerts = 0
        for event in stream { alerts += engine.process(event).count }
        return alerts
    }

    func threadCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// Counts heap allocations made through the Swift runtime: while measuring,
/// libswiftCore's GOT entries for `malloc`, `posix_memalign` and
/// `aligned_alloc` (every Swift object, array and string buffer comes from
/// `swift_slowAlloc`, which calls them) point to counting wrappers.
/// Allocations made directly by other C libraries are not counted.
enum DetectBenchAllocationCounter {
    typealias Malloc = @convention(c) (Int) -> UnsafeMutableRawPointer?
    typealias Memalign = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, Int, Int) -> Int32
    typealias AlignedAlloc = @convention(c) (Int, Int) -> UnsafeMutableRawPointer?

    nonisolated(unsafe) static var count = 0
    nonisolated(unsafe) static var realMalloc: Malloc?
    nonisolated(unsafe) static var realMemalign: Memalign?
    nonisolated(unsafe) static var realAlignedAlloc: AlignedAlloc?

    static let countingMalloc: Malloc = { size in
        DetectBenchAllocationCounter.count &+= 1
        return DetectBenchAllocationCounter.realMalloc?(size)
    }
    static let countingMemalign: Memalign = { out, alignment, size in
        DetectBenchAllocationCounter.count &+= 1
        return DetectBenchAllocationCounter.realMemalign?(out, alignment, size) ?? 12
    }
    static let countingAlignedAlloc: AlignedAlloc = { alignment, size in
        DetectBenchAllocationCounter.count &+= 1
        return DetectBenchAllocationCounter.realAlignedAlloc?(alignment, size)
    }

    /// Runs `body` with the counters installed; nil when libswiftCore's
    /// relocations could not be found.
    static func measure(_ body: () -> Void) -> Int? {
        guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
        realMalloc = unsafeBitCast(dlsym(handle, "malloc"), to: Malloc?.self)
        realMemalign = unsafeBitCast(dlsym(handle, "posix_memalign"), to: Memalign?.self)
        realAlignedAlloc = unsafeBitCast(dlsym(handle, "aligned_alloc"), to: AlignedAlloc?.self)
        let replacements: [String: UnsafeRawPointer] = [
            "malloc": unsafeBitCast(countingMalloc, to: UnsafeRawPointer.self),
            "posix_memalign": unsafeBitCast(countingMemalign, to: UnsafeRawPointer.self),
            "aligned_alloc": unsafeBitCast(countingAlignedAlloc, to: UnsafeRawPointer.self),
        ]
        let patched = DetectBenchGOTPatcher.patch(library: "libswiftCore.so", replacements)
        guard !patched.isEmpty else { return nil }
        count = 0
        body()
        let measured = count
        DetectBenchGOTPatcher.restore(patched)
        return measured
    }
}

/// Rewrites a loaded library's GOT slots for named symbols and puts them
/// back. Reads the ELF64 structures of the mapped library directly (program
/// headers → dynamic section → JUMP_SLOT/GLOB_DAT relocations).
enum DetectBenchGOTPatcher {
    typealias Patch = (slot: UnsafeMutablePointer<UnsafeRawPointer?>, original: UnsafeRawPointer?)

    /// The address where a library's first segment (its ELF header) is
    /// mapped, from /proc/self/maps.
    static func loadAddress(of library: String) -> UInt? {
        // /proc files report size 0, so read the stream to its end.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() else { return nil }
        let maps = String(decoding: data, as: UTF8.self)
        for line in maps.split(separator: "\n") where line.hasSuffix("/" + library) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 3, fields[2] == "00000000", let range = fields.first?.split(separator: "-").first
            else { continue }
            return UInt(range, radix: 16)
        }
        return nil
    }

    static func patch(library: String, _ replacements: [String: UnsafeRawPointer]) -> [Patch] {
        guard let start = loadAddress(of: library), let header = UnsafeRawPointer(bitPattern: start),
              header.load(as: UInt32.self) == 0x464C_457F else { return [] }
        let base = UInt(bitPattern: header)
        let programHeaders = header + Int(header.load(fromByteOffset: 32, as: UInt64.self))
        let entrySize = Int(header.load(fromByteOffset: 54, as: UInt16.self))
        let count = Int(header.load(fromByteOffset: 56, as: UInt16.self))
        for index in 0..<count {
            let entry = programHeaders + index * entrySize
            guard entry.load(as: UInt32.self) == 2 else { continue }
            let dynamicOffset = UInt(entry.load(fromByteOffset: 16, as: UInt64.self))
            return patchDynamic(base: base, dynamic: base + dynamicOffset, replacements)
        }
        return []
    }

    static func patchDynamic(base: UInt, dynamic: UInt, _ replacements: [String: UnsafeRawPointer]) -> [Patch] {
        guard let entries = UnsafeRawPointer(bitPattern: dynamic) else { return [] }
        var table: [Int64: UInt] = [:]
        var index = 0
        while index < 4096 {
            let tag = entries.load(fromByteOffset: index * 16, as: Int64.self)
            if tag == 0 { break }
            table[tag] = UInt(entries.load(fromByteOffset: index * 16 + 8, as: UInt64.self))
            index += 1
        }
        func address(_ tag: Int64) -> UInt? { table[tag].map { $0 < base ? $0 + base : $0 } }
        guard let symbols = address(6), let strings = address(5) else { return [] }
        var patches: [Patch] = []
        for (relocations, sizeTag) in [(Int64(23), Int64(2)), (Int64(7), Int64(8))] {
            guard let start = address(relocations), let size = table[sizeTag] else { continue }
            patches += patchRelocations(start: start, count: Int(size) / 24, base: base, symbols: symbols,
                                        strings: strings, replacements)
        }
        return patches
    }

    static func patchRelocations(start: UInt, count: Int, base: UInt, symbols: UInt, strings: UInt,
                                 _ replacements: [String: UnsafeRawPointer]) -> [Patch] {
        guard let relocations = UnsafeRawPointer(bitPattern: start), let symbolTable = UnsafeRawPointer(bitPattern: symbols),
              let stringTable = UnsafePointer<CChar>(bitPattern: strings) else { return [] }
        let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
        var patches: [Patch] = []
        for index in 0..<count {
            let offset = UInt(relocations.load(fromByteOffset: index * 24, as: UInt64.self))
            let symbol = Int(relocations.load(fromByteOffset: index * 24 + 8, as: UInt64.self) >> 32)
            guard symbol > 0 else { continue }
            let nameOffset = Int(symbolTable.load(fromByteOffset: symbol * 24, as: UInt32.self))
            guard let replacement = replacements[String(cString: stringTable + nameOffset)],
                  let slot = UnsafeMutablePointer<UnsafeRawPointer?>(bitPattern: base + offset) else { continue }
            let page = UnsafeMutableRawPointer(bitPattern: (UInt(bitPattern: slot) / pageSize) * pageSize)
            _ = mprotect(page, Int(pageSize), PROT_READ | PROT_WRITE)
            patches.append((slot, slot.pointee))
            slot.pointee = replacement
        }
        return patches
    }

    static func restore(_ patches: [Patch]) {
        for patch in patches.reversed() { patch.slot.pointee = patch.original }
    }
}
