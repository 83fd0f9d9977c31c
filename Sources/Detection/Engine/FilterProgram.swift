/// A rule's condition flattened for the engine: comparisons and short-circuit
/// jumps in one array, walked without recursion and without reference
/// counting per step (the comparisons are owned by `owners` and borrowed
/// through unmanaged references while the program lives).
struct FilterProgram: @unchecked Sendable {
    enum Step {
        case compare(Int)
        case jumpIfFalse(Int)
        case jumpIfTrue(Int)
        case negate
        case constant(Bool)
    }

    let steps: ContiguousArray<Step>
    let comparisons: ContiguousArray<Unmanaged<ComparisonProgram>>
    let owners: [ComparisonProgram]

    /// Flattens `filter`; comparisons that `knownTrue` proves true for every
    /// event the rule is tried on become constants.
    init(_ filter: CompiledFilter, knownTrue: @escaping (CompiledComparison) -> Bool = { _ in false }) {
        var builder = Builder(knownTrue: knownTrue)
        builder.emit(filter)
        steps = ContiguousArray(builder.steps)
        owners = builder.owners
        comparisons = ContiguousArray(builder.owners.map { Unmanaged.passUnretained($0) })
    }

    @inline(__always)
    func matches<Event: FieldSource>(_ event: Event) -> Bool {
        var result = true
        var pc = 0
        let count = steps.count
        while pc < count {
            switch steps[pc] {
            case .compare(let index):
                result = comparisons[index]._withUnsafeGuaranteedRef { $0.matches(event) }
            case .jumpIfFalse(let target):
                if !result { pc = target; continue }
            case .jumpIfTrue(let target):
                if result { pc = target; continue }
            case .negate:
                result = !result
            case .constant(let value):
                result = value
            }
            pc += 1
        }
        return result
    }

    /// Emits steps leaving the value of each node in the accumulator;
    /// `and`/`or` jump to their end as soon as the result is known.
    struct Builder {
        var knownTrue: (CompiledComparison) -> Bool
        var steps: [Step] = []
        var owners: [ComparisonProgram] = []

        mutating func emit(_ filter: CompiledFilter) {
            switch filter {
            case .comparison(let comparison):
                if knownTrue(comparison) { steps.append(.constant(true)); return }
                steps.append(.compare(owners.count))
                owners.append(comparison.program)
            case .not(let inner):
                emit(inner)
                steps.append(.negate)
            case .and(let items):
                emitChain(items, empty: true)
            case .or(let items):
                emitChain(items, empty: false)
            }
        }

        /// `and` (shortCircuitOn false) or `or` (on true) over `items`.
        mutating func emitChain(_ items: [CompiledFilter], empty: Bool) {
            guard !items.isEmpty else { steps.append(.constant(empty)); return }
            var jumps: [Int] = []
            for (position, item) in items.enumerated() {
                emit(item)
                if position < items.count - 1 {
                    jumps.append(steps.count)
                    steps.append(empty ? .jumpIfFalse(0) : .jumpIfTrue(0))
                }
            }
            for jump in jumps { steps[jump] = empty ? .jumpIfFalse(steps.count) : .jumpIfTrue(steps.count) }
        }
    }
}
