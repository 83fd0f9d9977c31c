/// Runs a `RegexProgram` over UTF-8 input in time linear in the input
/// (Pike VM, as Go's regexp `machine`): all threads advance in lockstep, in
/// priority order, so the first (leftmost-first) match wins as in Perl.
///
/// One machine serves one call on one thread (it owns scratch buffers) and
/// may run several searches over the same input. The hot loops work on raw
/// buffers: the VM is the only place where the engine's speed matters.
final class RegexPikeVM {
    private let program: RegexProgram
    private let input: [UInt8]
    private let size: Int
    private let sparse0: UnsafeMutablePointer<UInt32>
    private let sparse1: UnsafeMutablePointer<UInt32>
    private let pcs0: UnsafeMutablePointer<UInt32>
    private let pcs1: UnsafeMutablePointer<UInt32>
    private let threads0: UnsafeMutablePointer<Int>
    private let threads1: UnsafeMutablePointer<Int>
    private let stack: UnsafeMutablePointer<Int>
    private let stackCapacity: Int

    init(program: RegexProgram, input: [UInt8]) {
        self.program = program
        self.input = input
        size = max(program.insts.count, 1)
        sparse0 = .allocate(capacity: size)
        sparse0.initialize(repeating: 0, count: size)
        sparse1 = .allocate(capacity: size)
        sparse1.initialize(repeating: 0, count: size)
        pcs0 = .allocate(capacity: size)
        pcs1 = .allocate(capacity: size)
        threads0 = .allocate(capacity: size)
        threads1 = .allocate(capacity: size)
        // Each instruction is explored at most once per `add`; an exploration
        // pushes at most 3 entries (alt: 2, capture: restore pair + 1).
        stackCapacity = 3 * size + 8
        stack = .allocate(capacity: stackCapacity)
    }

    deinit {
        sparse0.deallocate()
        sparse1.deallocate()
        pcs0.deallocate()
        pcs1.deallocate()
        threads0.deallocate()
        threads1.deallocate()
        stack.deallocate()
    }

    /// Searches from byte offset `pos`. Returns the capture positions
    /// (`ncap` entries, -1 for unset) of the leftmost-first match, or nil.
    /// With `ncap == 0` it only reports whether there is a match.
    func search(from pos: Int, ncap: Int) -> [Int]? {
        guard !program.neverMatches, pos >= 0, pos <= input.count else { return nil }
        return program.insts.withUnsafeBufferPointer { insts in
            input.withUnsafeBufferPointer { bytes in
                var run = RegexPikeRun(
                    program: program, insts: insts, input: bytes, ncap: ncap,
                    runq: RegexPikeQueue(sparse: sparse0, pcs: pcs0, threads: threads0),
                    nextq: RegexPikeQueue(sparse: sparse1, pcs: pcs1, threads: threads1),
                    stack: stack, slots: RegexSlotPool(slotSize: max(ncap, 1), maxSlots: 2 * size + 2))
                defer { run.slots.deallocate() }
                return run.search(from: pos)
            }
        }
    }
}

/// A sparse set of program counters with the thread (capture slot) of each.
struct RegexPikeQueue {
    let sparse: UnsafeMutablePointer<UInt32>
    let pcs: UnsafeMutablePointer<UInt32>
    /// Capture slot per entry, or -1 for a visited non-consuming instruction.
    let threads: UnsafeMutablePointer<Int>
    var count = 0

    @inline(__always)
    func contains(_ pc: UInt32) -> Bool {
        let j = Int(sparse[Int(pc)])
        return j < count && pcs[j] == pc
    }

    @inline(__always)
    mutating func insert(_ pc: UInt32) -> Int {
        let j = count
        sparse[Int(pc)] = UInt32(j)
        pcs[j] = pc
        threads[j] = -1
        count += 1
        return j
    }
}

/// Fixed-size capture arrays for threads, recycled through a free list.
struct RegexSlotPool {
    let slotSize: Int
    let maxSlots: Int
    private(set) var storage: UnsafeMutablePointer<Int>
    private var capacity: Int
    private var used = 0
    private let freeList: UnsafeMutablePointer<Int>
    private var freeCount = 0

    init(slotSize: Int, maxSlots: Int) {
        self.slotSize = slotSize
        self.maxSlots = maxSlots
        capacity = slotSize * min(maxSlots, 64)
        storage = .allocate(capacity: capacity)
        freeList = .allocate(capacity: maxSlots + 1)
    }

    func deallocate() {
        storage.deallocate()
        freeList.deallocate()
    }

    /// Offset of a free slot in `storage`.
    @inline(__always)
    mutating func alloc() -> Int {
        if freeCount > 0 {
            freeCount -= 1
            return freeList[freeCount]
        }
        if used + slotSize > capacity { grow() }
        let slot = used
        used += slotSize
        return slot
    }

    @inline(__always)
    mutating func release(_ slot: Int) {
        freeList[freeCount] = slot
        freeCount += 1
    }

    private mutating func grow() {
        let newCapacity = max(capacity * 2, used + slotSize)
        let bigger = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        bigger.moveInitialize(from: storage, count: used)
        storage.deallocate()
        storage = bigger
        capacity = newCapacity
    }
}

/// The state of one search.
struct RegexPikeRun {
    let program: RegexProgram
    let insts: UnsafeBufferPointer<RegexInst>
    let input: UnsafeBufferPointer<UInt8>
    let ncap: Int
    var runq: RegexPikeQueue
    var nextq: RegexPikeQueue
    let stack: UnsafeMutablePointer<Int>
    var slots: RegexSlotPool
    var matched = false
    var matchcap: [Int] = []

    mutating func search(from start: Int) -> [Int]? {
        matchcap = Array(repeating: -1, count: ncap)
        let startSlot = slots.alloc()
        var pos = start
        var (r, width) = step(at: pos)
        var prev = previousRune(before: pos)
        let prefix = program.prefix
        while true {
            if runq.count == 0 {
                if program.anchoredStart && pos != 0 { break }
                if matched { break }
                if !prefix.isEmpty && !hasPrefix(prefix, at: pos) {
                    guard let found = findPrefix(prefix, from: pos) else { break }
                    pos = found
                    (r, width) = step(at: pos)
                    prev = previousRune(before: pos)
                }
            }
            if !matched && (pos == 0 || !program.anchoredStart) {
                for k in 0..<ncap { slots.storage[startSlot + k] = -1 }
                if ncap > 0 { slots.storage[startSlot] = pos }
                add(toNext: false, UInt32(program.start), pos, startSlot, RegexEmptyOp.context(prev, r))
            }
            let (r1, width1) = step(at: pos + width)
            advance(pos: pos, nextPos: pos + width, rune: r, nextCond: RegexEmptyOp.context(r, r1))
            if width == 0 { break }
            if ncap == 0 && matched { break }
            pos += width
            prev = r
            (r, width) = (r1, width1)
            swap(&runq, &nextq)
        }
        return matched ? matchcap : nil
    }

    @inline(__always)
    func step(at pos: Int) -> (Int32, Int) {
        guard pos < input.count else { return (RegexUTF8.endOfText, 0) }
        let b = input[pos]
        if b < 0x80 { return (Int32(b), 1) }
        return RegexUTF8.decode(input, at: pos)
    }

    func previousRune(before pos: Int) -> Int32 {
        guard pos > 0 else { return RegexUTF8.endOfText }
        var start = pos - 1
        while start > max(0, pos - 4) && input[start] & 0xC0 == 0x80 { start -= 1 }
        let (r, w) = step(at: start)
        return start + w == pos ? r : 0xFFFD
    }

    func hasPrefix(_ prefix: [UInt8], at pos: Int) -> Bool {
        guard pos + prefix.count <= input.count else { return false }
        for k in 0..<prefix.count where input[pos + k] != prefix[k] { return false }
        return true
    }

    func findPrefix(_ prefix: [UInt8], from pos: Int) -> Int? {
        guard prefix.count <= input.count else { return nil }
        let first = prefix[0]
        var i = pos
        let last = input.count - prefix.count
        while i <= last {
            if input[i] == first && hasPrefix(prefix, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Follows empty transitions from `pc0` and queues the threads that reach
    /// a consuming instruction, in priority order. The slot `work` holds the
    /// captures of the path being explored; capture instructions change it
    /// and restore it on the way back (stack entries below -1 are restores).
    mutating func add(toNext: Bool, _ pc0: UInt32, _ pos: Int, _ work: Int, _ cond: RegexEmptyOp) {
        var q = toNext ? nextq : runq
        defer { if toNext { nextq = q } else { runq = q } }
        var top = 0
        stack[top] = Int(pc0)
        top += 1
        while top > 0 {
            top -= 1
            let entry = stack[top]
            if entry < 0 {
                top -= 1
                slots.storage[work - entry - 1] = stack[top]
                continue
            }
            let pc = UInt32(entry)
            if pc == 0 || q.contains(pc) { continue }
            let j = q.insert(pc)
            let inst = insts[entry]
            switch inst.op {
            case .fail:
                break
            case .alt:
                stack[top] = Int(inst.arg)
                stack[top + 1] = Int(inst.out)
                top += 2
            case .emptyWidth:
                if RegexEmptyOp(rawValue: inst.arg).isSubset(of: cond) {
                    stack[top] = Int(inst.out)
                    top += 1
                }
            case .nop:
                stack[top] = Int(inst.out)
                top += 1
            case .capture:
                let slot = Int(inst.arg)
                if slot < ncap {
                    stack[top] = slots.storage[work + slot]
                    stack[top + 1] = -slot - 1
                    top += 2
                    slots.storage[work + slot] = pos
                }
                stack[top] = Int(inst.out)
                top += 1
            case .match, .rune1, .runeClass, .runeAny, .runeAnyNotNL:
                let thread = slots.alloc()
                let storage = slots.storage
                for k in 0..<ncap { storage[thread + k] = storage[work + k] }
                q.threads[j] = thread
            }
        }
    }

    /// Moves every thread of `runq` over rune `c` into `nextq`.
    mutating func advance(pos: Int, nextPos: Int, rune c: Int32, nextCond: RegexEmptyOp) {
        var j = 0
        while j < runq.count {
            let thread = runq.threads[j]
            let pc = runq.pcs[j]
            j += 1
            if thread < 0 { continue }
            let inst = insts[Int(pc)]
            var proceed = false
            switch inst.op {
            case .match:
                if ncap > 0 {
                    slots.storage[thread + 1] = pos
                    for k in 0..<ncap { matchcap[k] = slots.storage[thread + k] }
                }
                // Leftmost-first: lower-priority threads can no longer win.
                for k in j..<runq.count where runq.threads[k] >= 0 { slots.release(runq.threads[k]) }
                runq.count = j
                matched = true
            case .rune1: proceed = c == inst.rune
            case .runeClass: proceed = program.classes[Int(inst.arg)].matches(c)
            case .runeAny: proceed = c >= 0
            case .runeAnyNotNL: proceed = c >= 0 && c != 0x0A
            default: break
            }
            if proceed { add(toNext: true, inst.out, nextPos, thread, nextCond) }
            slots.release(thread)
        }
        runq.count = 0
    }
}
