import BigInt
import PalisadeCore

/// Aggregates over collections: `count`, `sum`, `product`, `max`, `min`,
/// `sort`, the deprecated `all`/`any`, and the membership helpers behind `in`.
enum CollectionsAggregates {
    static var builtins: [Builtin] {
        [count, sum, product, maximum, minimum, sort, all, any, member, memberWithKey]
    }

    static let count = Builtin("count", arity: 1) { args, _ in
        switch args[0] {
        case .array(let a): return .int(a.count)
        case .object(let o): return .int(o.count)
        case .set(let s): return .int(s.count)
        case .string(let s): return .int(s.unicodeScalars.count)
        default: throw args.typeError(0, expected: "one of {array, object, set, string}")
        }
    }

    static let sum = Builtin("sum", arity: 1) { args, _ in
        let numbers = try numberElements(args)
        if let total = machineSum(numbers) { return .int(total) }
        if let integers = exactIntegers(numbers) { return .number(Number(integers.reduce(0, +))) }
        return accumulate(numbers, start: .zero(precision: 0), precision: 64) { $0.adding($1, precision: $2) }
    }

    /// Floats multiply at 53 bits: OPA starts the product from `big.NewFloat(1)`.
    static let product = Builtin("product", arity: 1) { args, _ in
        let numbers = try numberElements(args)
        if let integers = exactIntegers(numbers) {
            return .number(Number(try integers.reduce(1) { try CollectionsArithmetic.exactProduct($0, $1, args) }))
        }
        let one = CollectionsBigFloat(integer: 1, precision: 53)
        return accumulate(numbers, start: one, precision: 53) { $0.multiplied(by: $1, precision: $2) }
    }

    /// The last of the greatest elements, as OPA scans arrays.
    static let maximum = Builtin("max", arity: 1) { args, _ in
        let elements = try aggregateElements(args)
        return elements.dropFirst().reduce(elements.first) { best, x in
            best.map { Value.compare($0, x) <= 0 ? x : $0 }
        }
    }

    static let minimum = Builtin("min", arity: 1) { args, _ in
        let elements = try aggregateElements(args)
        return elements.dropFirst().reduce(elements.first) { best, x in
            best.map { Value.compare($0, x) >= 0 ? x : $0 }
        }
    }

    static let sort = Builtin("sort", arity: 1) { args, _ in
        let elements = try aggregateElements(args)
        return .array(elements.enumerated().sorted { a, b in
            let order = Value.compare(a.element, b.element)
            return order != 0 ? order < 0 : a.offset < b.offset
        }.map(\.element))
    }

    static let all = Builtin("all", arity: 1) { args, _ in
        guard let elements = args[0].elements else { throw args.typeError(0, expected: "one of {array, set}") }
        return .bool(elements.allSatisfy { $0 == .true })
    }

    static let any = Builtin("any", arity: 1) { args, _ in
        guard let elements = args[0].elements else { throw args.typeError(0, expected: "one of {array, set}") }
        return .bool(elements.contains(.true))
    }

    /// `x in collection`: membership among set elements, array items or object values.
    static let member = Builtin("internal.member_2", arity: 2) { args, _ in
        switch args[1] {
        case .set(let s): return .bool(s.contains(args[0]))
        case .array(let a): return .bool(a.contains(args[0]))
        case .object(let o): return .bool(o.values.contains(args[0]))
        default: return .false
        }
    }

    /// `key, value in collection`.
    static let memberWithKey = Builtin("internal.member_3", arity: 3) { args, _ in
        let key = args[0], value = args[1]
        switch args[2] {
        case .set(let s): return .bool(s.contains(key) && key == value)
        case .object(let o): return .bool(o[key] == value)
        case .array(let a):
            guard case .number(let n) = key, case .int(let i) = n.storage, a.indices.contains(i) else { return .false }
            return .bool(a[i] == value)
        default: return .false
        }
    }

    /// The elements of an array or set operand (sets in sorted order).
    private static func aggregateElements(_ args: BuiltinArgs) throws -> [Value] {
        guard let elements = args[0].elements else { throw args.typeError(0, expected: "one of {set, array}") }
        return elements
    }

    private static func numberElements(_ args: BuiltinArgs) throws -> [Number] {
        try aggregateElements(args).map { element in
            guard case .number(let n) = element else {
                throw args.collectionsElementError(0, element: element, expected: "number")
            }
            return n
        }
    }

    private static func machineSum(_ numbers: [Number]) -> Int? {
        var total = 0
        for n in numbers {
            guard case .int(let i) = n.storage else { return nil }
            let (next, overflow) = total.addingReportingOverflow(i)
            guard !overflow else { return nil }
            total = next
        }
        return total
    }

    private static func exactIntegers(_ numbers: [Number]) -> [BigInt]? {
        var result: [BigInt] = []
        result.reserveCapacity(numbers.count)
        for n in numbers {
            guard let i = n.collectionsInteger else { return nil }
            result.append(i)
        }
        return result
    }

    private static func accumulate(_ numbers: [Number], start: CollectionsBigFloat, precision: Int,
                                   _ step: (CollectionsBigFloat, CollectionsBigFloat, Int) -> CollectionsBigFloat) -> Value? {
        var total = start
        for n in numbers {
            guard let x = CollectionsBigFloat(n) else { return nil }
            total = step(total, x, precision)
        }
        return total.number.map(Value.number)
    }
}
