/// A set of unsigned integers stored as sorted, disjoint, non-adjacent closed
/// intervals. Ports, IPv4 addresses and ICMP type/code pairs all use it.
public struct IntervalSet: Sendable, Hashable {
    public struct Interval: Sendable, Hashable, Comparable {
        public var lower: UInt32
        public var upper: UInt32

        public init(_ lower: UInt32, _ upper: UInt32) {
            self.lower = lower
            self.upper = upper
        }

        public static func < (a: Interval, b: Interval) -> Bool { (a.lower, a.upper) < (b.lower, b.upper) }
    }

    /// Sorted by `lower`; no two intervals overlap or touch.
    public private(set) var intervals: [Interval]

    public init() { intervals = [] }

    public init(_ lower: UInt32, _ upper: UInt32) {
        intervals = lower <= upper ? [Interval(lower, upper)] : []
    }

    public init<S: Sequence>(intervals unsorted: S) where S.Element == Interval {
        intervals = Self.normalize(unsorted.filter { $0.lower <= $0.upper }.sorted())
    }

    public static let empty = IntervalSet()

    public var isEmpty: Bool { intervals.isEmpty }

    /// How many integers the set holds.
    public var count: UInt64 { intervals.reduce(0) { $0 + UInt64($1.upper - $1.lower) + 1 } }

    public func contains(_ value: UInt32) -> Bool {
        var low = 0, high = intervals.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let interval = intervals[mid]
            if value < interval.lower { high = mid - 1 } else if value > interval.upper { low = mid + 1 } else { return true }
        }
        return false
    }

    /// True when every member of `other` is in this set.
    public func isSuperset(of other: IntervalSet) -> Bool { other.subtracting(self).isEmpty }

    public func union(_ other: IntervalSet) -> IntervalSet {
        if other.isEmpty { return self }
        if isEmpty { return other }
        var merged: [Interval] = []
        merged.reserveCapacity(intervals.count + other.intervals.count)
        var i = 0, j = 0
        while i < intervals.count || j < other.intervals.count {
            let next: Interval
            if j == other.intervals.count || (i < intervals.count && intervals[i].lower <= other.intervals[j].lower) {
                next = intervals[i]; i += 1
            } else {
                next = other.intervals[j]; j += 1
            }
            Self.append(next, to: &merged)
        }
        var result = IntervalSet()
        result.intervals = merged
        return result
    }

    public func intersection(_ other: IntervalSet) -> IntervalSet {
        var result: [Interval] = []
        var i = 0, j = 0
        while i < intervals.count && j < other.intervals.count {
            let a = intervals[i], b = other.intervals[j]
            let lower = max(a.lower, b.lower), upper = min(a.upper, b.upper)
            if lower <= upper { result.append(Interval(lower, upper)) }
            if a.upper < b.upper { i += 1 } else { j += 1 }
        }
        var set = IntervalSet()
        set.intervals = result
        return set
    }

    public func subtracting(_ other: IntervalSet) -> IntervalSet {
        if other.isEmpty || isEmpty { return self }
        var result: [Interval] = []
        var j = 0
        for interval in intervals {
            var lower = interval.lower
            var done = false
            while j < other.intervals.count && other.intervals[j].upper < lower { j += 1 }
            var k = j
            while k < other.intervals.count && other.intervals[k].lower <= interval.upper {
                let cut = other.intervals[k]
                if cut.lower > lower { result.append(Interval(lower, cut.lower - 1)) }
                if cut.upper >= interval.upper { done = true; break }
                lower = cut.upper + 1
                k += 1
            }
            if !done { result.append(Interval(lower, interval.upper)) }
        }
        var set = IntervalSet()
        set.intervals = result
        return set
    }

    public func intersects(_ other: IntervalSet) -> Bool { !intersection(other).isEmpty }

    private static func normalize(_ sorted: [Interval]) -> [Interval] {
        var merged: [Interval] = []
        merged.reserveCapacity(sorted.count)
        for interval in sorted { append(interval, to: &merged) }
        return merged
    }

    private static func append(_ interval: Interval, to merged: inout [Interval]) {
        if let last = merged.last, last.upper == UInt32.max || interval.lower <= last.upper + 1 {
            if interval.upper > last.upper { merged[merged.count - 1].upper = interval.upper }
        } else {
            merged.append(interval)
        }
    }
}

extension IntervalSet: CustomStringConvertible {
    /// `1-79,81-65535`: single values alone, ranges with a dash.
    public var description: String {
        intervals.map { $0.lower == $0.upper ? "\($0.lower)" : "\($0.lower)-\($0.upper)" }.joined(separator: ",")
    }
}
